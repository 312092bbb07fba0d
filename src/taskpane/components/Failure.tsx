import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/** An exception's text in an alert region, so a screen reader announces it. */
export function Failure({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
