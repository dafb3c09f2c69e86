/**
 * The agent's dashboard: the page it serves at {@code /} ({@link dev.capstan.agent.dashboard.DashboardAssets},
 * hand-written HTML, JavaScript and CSS in {@code src/main/resources/dashboard/}) and the overview it
 * builds on the server ({@link dev.capstan.agent.dashboard.Overview}: counts, filters, broken first,
 * one page at a time). The page reads everything through the JSON API with the same bearer token as
 * any client, and follows changes over the API's event stream; see docs/dashboard.md.
 */
package dev.capstan.agent.dashboard;
