/** @type {import('jest').Config} */
const base = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json", "cjs"],
};

// Every test that talks to the Excel fake runs again as the older Excels the offices have:
// ExcelApi 1.7 (Office 2019 volume licence), 1.8 and 1.9. The first project runs them at the
// current set, with the rest of the suite. A test about one set names it itself. (The 一企一表 and
// publicity flows are left out: they already run through each of these sets themselves.)
const hostTests = [
  "<rootDir>/test/excel/**/*.test.ts",
  "<rootDir>/test/taskpane/excel-host.test.tsx",
  "<rootDir>/test/taskpane/self-test-tab.test.tsx",
  "<rootDir>/test/wps/flow.test.ts",
];

module.exports = {
  testTimeout: 60000,
  // jest's default on 2 cores is one worker; much of the suite waits on Chromium, LibreOffice and
  // child processes, so two keep both cores busy (and npm test well under 10 minutes)
  maxWorkers: 2,
  projects: [
    base,
    ...[7, 8, 9].map((v) => ({
      ...base,
      displayName: `ExcelApi 1.${v}`,
      testMatch: hostTests,
      globals: { FAKE_EXCEL_API: v },
    })),
  ],
};
