/* eslint-disable no-undef */
// Builds the task pane (after the yo office React template). Production output in dist/.
// Environment:
//   OFFICE_JS=local (default) copies office.js and the Excel files it loads into dist/office-js/
//     and references that copy, for an intranet without internet; OFFICE_JS=cdn uses Microsoft's CDN.
//   ADDIN_URL=https://server/path/ rewrites https://localhost:3000/ in the copied manifest.xml.

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/**
 * The files office.js loads for Excel: the loader, the host scripts, and the strings of every
 * Office UI language (Office.onReady never answers when the UI language's office_strings.js is
 * missing, office-js #6040): all of Chinese and English, and office_strings.js of the others.
 */
function officeJsPatterns() {
  const files = [
    "office.js",
    "o15apptofilemappingtable.js",
    "es6-promise.js",
    "excel-*.js",
    "excelwebapp-*.js",
    "excelios-*.js",
  ];
  const folders = ["zh-cn", "zh-tw", "zh-hk", "en-us", "telemetry"];
  return [
    ...files.map((f) => ({
      from: f,
      context: OFFICE_JS_DIR,
      to: "office-js/",
      globOptions: { ignore: ["**/*.debug.js"] },
      noErrorOnMissing: f !== "office.js",
      // Microsoft's files are shipped as they are: not minified again (slow, and untested by them)
      info: { minimized: true },
    })),
    ...folders.map((d) => ({
      from: `${d}/**/*`,
      context: OFFICE_JS_DIR,
      to: "office-js/",
      globOptions: { ignore: ["**/*.debug.js"] },
      noErrorOnMissing: true,
      info: { minimized: true },
    })),
    {
      from: "*-*/office_strings.js",
      context: OFFICE_JS_DIR,
      to: "office-js/",
      globOptions: { ignore: folders.map((d) => `**/${d}/**`) },
      noErrorOnMissing: true,
      info: { minimized: true },
    },
  ];
}

/**
 * The pane's Content-Security-Policy (a meta tag in taskpane.html; README shows it as the server's
 * header): everything from the pane's own server, nothing from anywhere else. Styles inline because
 * Fluent UI (Griffel) inserts its rules as <style> elements; the worker is a file of ours. Microsoft's
 * CDN is allowed for scripts only in an OFFICE_JS=cdn build, since office.js then loads from it.
 * frame-ancestors is left out: a meta tag cannot carry it, and Excel on the web frames the pane.
 */
function contentSecurityPolicy(localOfficeJs) {
  const scripts = localOfficeJs ? "'self'" : `'self' ${new URL(OFFICE_JS_CDN).origin}`;
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** https options from office-addin-dev-certs when they can be had; plain http otherwise. */
async function devServerType() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (e) {
    console.warn(`office-addin-dev-certs unavailable (${e && e.message}); the dev server uses http`);
    return { type: "http" };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const officeJs = (process.env.OFFICE_JS || "local").toLowerCase();
  const localOfficeJs = officeJs !== "cdn";
  const urlProd = process.env.ADDIN_URL || urlDev;
  if (!/^https:\/\/[^\s"<>]+\/$/.test(urlProd))
    throw new Error(`ADDIN_URL 应是以 / 结尾的 https 地址，例如 https://内网服务器/shuangsuiji/，而不是 ${urlProd}`);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      // the engine's Web Worker (src/taskpane/worker): its chunks (ExcelJS) load by importScripts
      "engine-worker": { import: "./src/taskpane/worker/engine.worker.ts", chunkLoading: "import-scripts" },
    },
    output: {
      path: path.resolve(__dirname, process.env.DIST_DIR || "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx", ".html"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // ES modules so that webpack can split the dynamic import of ExcelJS into a chunk
              compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false, sourceMap: dev },
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJs: localOfficeJs ? "office-js/office.js" : OFFICE_JS_CDN,
        csp: contentSecurityPolicy(localOfficeJs),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              if (dev) return content;
              // the URLs, and the AppDomain (an origin, without the trailing '/')
              return content
                .toString()
                .replace(new RegExp(urlDev, "g"), urlProd)
                .replace(new RegExp(new URL(urlDev).origin, "g"), new URL(urlProd).origin);
            },
          },
          ...(localOfficeJs ? officeJsPatterns() : []),
        ],
      }),
    ],
    optimization: {
      // keep ExcelJS inside the one lazily loaded "xlsx" chunk instead of a numbered vendors chunk
      splitChunks: { cacheGroups: { defaultVendors: false, default: false } },
    },
    performance: {
      // the ExcelJS chunk is large by nature and loaded only in browser file mode
      assetFilter: (file) => file.endsWith(".js") && !/^xlsx\./.test(file) && !file.startsWith("office-js/"),
      maxEntrypointSize: 1_500_000,
      maxAssetSize: 1_500_000,
    },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server:
        options.env && options.env.WEBPACK_SERVE === false
          ? undefined
          : await (env.WEBPACK_SERVE ? devServerType() : { type: "http" }),
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};

// for the tests: the policy the README documents for the server's header is this one
module.exports.contentSecurityPolicy = contentSecurityPolicy;
