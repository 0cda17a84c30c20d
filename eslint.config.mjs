// ESLint flat config. Besides the usual TypeScript and React rules, it encodes the architecture of
// README's "Architecture" section, so the structure keeps itself:
//   app/        → may import components/ and lib/
//   components/ → may import lib/ (never lib/db: components never touch the database)
//   lib/        → never imports app/ or components/; lib/db imports no domain
//   no import cycles anywhere (so none between lib domains).
// Each boundary is one `import-x/no-restricted-paths` zone whose message names the rule it enforces.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import { domainLayersRule } from "./eslint/domain-layers.mjs";

// Directory boundaries; each message names the rule it enforces.
const boundaryZones = [
  {
    target: "./components",
    from: "./lib/db",
    message: "[boundary: components-no-db] components never touch the database: load data in lib/<domain> and pass it in.",
  },
  { target: "./components", from: "./app", message: "[boundary: components-no-app] components never import app/ (routing only)." },
  {
    target: "./lib",
    from: "./components",
    message: "[boundary: lib-no-components] lib/ never imports components/: move the shared piece into lib.",
  },
];
const libNoApp = { target: "./lib", from: "./app", message: "[boundary: lib-no-app] lib/ never imports app/ (routing only)." };

const unitscope = { rules: { "domain-layers": domainLayersRule } };

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".data/",
      "lib/db/generated/",
      "test-results/",
      "playwright-report/",
      "next-env.d.ts",
      "bench/out/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mjs,js}"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        setImmediate: "readonly",
        fetch: "readonly",
        Response: "readonly",
        Request: "readonly",
      },
    },
    plugins: { unitscope, "import-x": importX, "react-hooks": reactHooks, "@next/next": nextPlugin },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
      // Without these, import-x parses only .js files and no-cycle silently sees no TypeScript import.
      "import-x/extensions": [".ts", ".tsx", ".mjs", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "unitscope/domain-layers": "error",
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-self-import": "error",
      "import-x/no-restricted-paths": ["error", { zones: boundaryZones }],
    },
  },
  {
    // Route tests drive a route handler the way a client would, so they alone may import app/.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["**/*.test.ts"],
    rules: { "import-x/no-restricted-paths": ["error", { zones: [...boundaryZones, libNoApp] }] },
  },
  {
    // Tests compose fixtures from any domain; nothing imports a test, so they cannot close a cycle.
    files: ["**/*.test.ts"],
    rules: { "unitscope/domain-layers": "off" },
  },
  {
    // One table primitive: plain tables are <Table> of components/ui/table.tsx, so every table looks alike.
    // DataTable renders its own <table> for its sort buttons, with the primitive's class names.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["components/ui/table.tsx", "components/tables/data-table.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXOpeningElement[name.name='table']",
          message: "[ui: one-table] render tables with <Table>/<Tr>/<Td> from @/components/ui/table, not a raw <table>.",
        },
      ],
    },
  },
  {
    // Node scripts and config files: plain JS is fine there.
    files: ["**/*.mjs", "**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
