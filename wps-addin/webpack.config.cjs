/* eslint-disable no-undef */
// The WPS build of the task pane: the same entry and engine as the Excel build (webpack.config.js),
// emitted as a WPS add-in folder beside the pane: index.html, ribbon.xml and ribbon.js, the icon.
// No office.js (WPS has its own object model), and the bundles' syntax lowered with esbuild to a
// browser engine as old as WPS 2019's (WPS_TARGET, default chrome69): the version of the engine
// a given WPS embeds is not published, so the lowered syntax keeps older ones working too.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, sources } = require("webpack");
const base = require("../webpack.config.js");

const ROOT = path.resolve(__dirname, "..");
/** the add-in's folder name, as jsplugins.xml names it */
const ADDIN = "shuangsuiji";

/** Lowers each emitted .js to WPS_TARGET after minification; a syntax esbuild cannot lower fails the build. */
class LowerSyntax {
  constructor(target) {
    this.target = target;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LowerSyntax", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LowerSyntax", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        (assets) => {
          const esbuild = require("esbuild");
          for (const name of Object.keys(assets)) {
            if (!name.endsWith(".js") || name === "ribbon.js") continue;
            const code = assets[name].source().toString();
            const out = esbuild.transformSync(code, { target: this.target, minifyWhitespace: true, charset: "utf8" });
            compilation.updateAsset(name, new sources.RawSource(out.code));
          }
        },
      );
    });
  }
}

module.exports = async (env, options) => {
  const config = await base(env, { ...options, env: { ...(options.env || {}), WEBPACK_SERVE: false } });
  config.output.path = path.join(ROOT, process.env.WPS_DIST_DIR || "dist-wps", ADDIN);
  config.plugins = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["taskpane"],
      officeJs: "",
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "wps-addin/index.html", to: "index.html" },
        { from: "wps-addin/ribbon.xml", to: "ribbon.xml" },
        { from: "wps-addin/ribbon.js", to: "ribbon.js", info: { minimized: true } },
        { from: "assets/icon-32.png", to: "images/icon.png" },
        { from: "assets/icon-*.png", to: "assets/[name][ext]" },
      ],
    }),
    new LowerSyntax(process.env.WPS_TARGET || "chrome69"),
  ];
  config.performance = { ...config.performance, hints: false };
  return config;
};
