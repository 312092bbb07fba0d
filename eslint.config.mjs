// office-addin-lint picks up this file: the Office Add-ins rules (eslint-plugin-office-addins,
// with Prettier) over TypeScript, plus our own choices.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

// the plugin instance the Office config registers (for .ts only), reused for .tsx
const tsPlugin = officeAddins.configs.recommended.find((c) => c.plugins?.["@typescript-eslint"]).plugins[
  "@typescript-eslint"
];

export default [
  { ignores: ["dist/**", "dist-wps/**", "node_modules/**", "out/**", "test-output/**", "coverage/**"] },
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  {
    // TypeScript's own checker resolves every name (DOM, Node, Office, jest), with the right
    // globals per file; ESLint's no-undef only knows the browser and misreports Node code.
    files: ["**/*.tsx"],
    plugins: { "@typescript-eslint": tsPlugin },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    // The base no-unused-vars misreads parameter names in function types; the TypeScript rule
    // does not, and a leading underscore marks a parameter kept for its position.
    rules: {
      "no-undef": "off",
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];
