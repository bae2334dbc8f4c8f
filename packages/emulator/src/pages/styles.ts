// The stylesheet of the emulator's pages (served at `/_emulator/pages.css`): system fonts, no web fonts, no
// images, nothing fetched from anywhere else.
export const PAGES_CSS = `
:root {
  --bg: #f6f7f9; --card: #fff; --ink: #15171c; --muted: #5d6472; --line: #e3e6eb;
  --accent: #e8461e; --accent-ink: #fff; --ok: #12805c; --warn: #a35b00; --bad: #c4291c;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink);
}
* { box-sizing: border-box; }
body { margin: 0; }
code, .mono { font-family: var(--mono); font-size: 12.5px; }
.muted { color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600;
  background: #eef0f3; color: var(--muted); white-space: nowrap; }
.badge.ok { background: #e3f5ee; color: var(--ok); }
.badge.warn { background: #fdf1de; color: var(--warn); }
.badge.bad { background: #fde7e4; color: var(--bad); }
button { font: inherit; cursor: pointer; border-radius: 8px; padding: 9px 16px; border: 1px solid var(--line);
  background: var(--card); color: var(--ink); font-weight: 600; }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); }
button:disabled { opacity: .55; cursor: default; }
button:focus-visible, input:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }

/* Hosted checkout: the package's iframe is transparent and full-screen, so the page draws its own overlay. */
body.checkout { background: transparent; }
.backdrop { min-height: 100vh; display: flex; align-items: center; justify-content: center; padding: 24px;
  background: rgba(15, 17, 21, .55); }
.sheet { width: 100%; max-width: 440px; background: var(--card); border-radius: 14px; padding: 24px;
  box-shadow: 0 20px 60px rgba(0, 0, 0, .3); }
.sheet-head { display: flex; justify-content: space-between; align-items: center; margin-bottom: 12px; }
.brand { font-weight: 800; font-size: 18px; letter-spacing: -.02em; color: var(--accent); }
.sheet h1 { font-size: 20px; margin: 0 0 12px; }
.summary { border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; margin-bottom: 16px; }
.summary dl { margin: 0; display: grid; gap: 6px; }
.summary dl > div { display: flex; justify-content: space-between; gap: 12px; }
.summary dt { color: var(--muted); }
.summary dd { margin: 0; text-align: right; font-weight: 600; overflow-wrap: anywhere; }
.total { display: flex; justify-content: space-between; margin: 10px 0 0; padding-top: 10px;
  border-top: 1px solid var(--line); font-size: 15px; }
fieldset { border: 0; padding: 0; margin: 0 0 14px; }
legend { font-weight: 700; margin-bottom: 8px; padding: 0; }
label { display: block; margin-bottom: 8px; color: var(--muted); font-size: 13px; }
label input { display: block; width: 100%; margin-top: 3px; padding: 8px 10px; font: inherit; color: var(--ink);
  border: 1px solid var(--line); border-radius: 8px; background: #fff; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
.payer { margin: 0 0 14px; padding: 10px 12px; background: var(--bg); border-radius: 8px; overflow-wrap: anywhere; }
.error { color: var(--bad); background: #fde7e4; border-radius: 8px; padding: 8px 10px; margin: 0 0 12px; }
.actions { display: flex; gap: 10px; justify-content: flex-end; }
.actions .primary { min-width: 120px; }
.sheet footer { margin-top: 16px; font-size: 12px; color: var(--muted); }
.result { text-align: center; padding: 8px 0 4px; }
.result h2 { margin: 0 0 6px; font-size: 18px; }

/* Inspector */
body.inspector { background: var(--bg); }
.top { display: flex; flex-wrap: wrap; gap: 12px; justify-content: space-between; align-items: center;
  padding: 14px 24px; background: var(--card); border-bottom: 1px solid var(--line); }
.top h1 { margin: 0; font-size: 18px; }
.top h1 span { color: var(--accent); }
.top p { margin: 2px 0 0; }
.live::before { content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px;
  background: var(--warn); vertical-align: 1px; }
.live[data-state="live"]::before { background: var(--ok); }
.live[data-state="offline"]::before { background: var(--bad); }
.wrap { padding: 20px 24px 40px; display: grid; gap: 18px; max-width: 1400px; margin: 0 auto; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; }
.stat { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
.stat .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.stat .value { font-size: 22px; font-weight: 700; margin-top: 2px; }
.stat .muted { font-size: 12px; overflow-wrap: anywhere; }
.panel { background: var(--card); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
.panel > h2 { margin: 0; padding: 12px 16px; font-size: 15px; border-bottom: 1px solid var(--line);
  display: flex; gap: 8px; align-items: center; }
.panel .empty { padding: 14px 16px; margin: 0; color: var(--muted); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; background: #fafbfc; white-space: nowrap; }
tr:last-child td { border-bottom: 0; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td .sub { display: block; color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
td .mono, td.nowrap { white-space: nowrap; }
td .mono { font-size: 12px; }
.more { padding: 8px 16px; border-top: 1px solid var(--line); }
.more button { padding: 5px 12px; font-size: 13px; }
td.wide { min-width: 260px; max-width: 460px; overflow-wrap: anywhere; }
td.wide .mono { white-space: normal; }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 18px; }
.chart { padding: 12px 16px 8px; }
.chart svg { width: 100%; height: auto; max-height: 200px; display: block; }
.chart .bar { fill: var(--accent); }
.chart .bar.zero { fill: var(--line); }
.chart text { font-size: 10px; fill: var(--muted); font-family: inherit; }
details summary { cursor: pointer; color: var(--muted); }
details pre { margin: 6px 0 0; padding: 8px; background: var(--bg); border-radius: 6px; max-height: 260px; overflow: auto;
  font-family: var(--mono); font-size: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
a { color: var(--accent); }
`;
