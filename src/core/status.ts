/**
 * The status sweep's domain (seed 000 §4.2, §4.4, §7, §8 and its failure table), split by concern under
 * core/status/: shapes, classification, alerts, Markdown, Slack, builds and the HTML page. This module keeps
 * the one import path its users have.
 */

export * from "./status/alerts.js";
export * from "./status/builds.js";
export * from "./status/classify.js";
export * from "./status/html.js";
export * from "./status/markdown.js";
export * from "./status/shapes.js";
export * from "./status/slack.js";
