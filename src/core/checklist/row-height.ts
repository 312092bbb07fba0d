// Row heights for the printed form: the estimates every paper shares (src/core/papers/fit.ts).
export { lineCount, rowHeight, textWidth } from "../papers/fit";
