namespace Alvh.Reports.Html;

/// <summary>The reports' inline stylesheet: system fonts only (no web fonts, no request).</summary>
internal static class Stylesheet
{
    /// <summary>The CSS text.</summary>
    public const string Css = """
        :root { --ink: #111827; --muted: #6b7280; --line: #e5e7eb; --bg: #f8fafc; --good: #15803d; --bad: #b91c1c; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.5 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
        main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
        header.top { border-bottom: 3px solid var(--ink); margin-bottom: 18px; }
        h1 { font-size: 28px; margin: 0 0 4px; }
        .subtitle { color: var(--muted); margin: 0 0 12px; }
        h2 { font-size: 20px; margin: 0 0 6px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 0 0 18px; }
        p.lead { color: var(--muted); margin: 0 0 10px; font-size: 14px; }
        .answer { font-size: 22px; font-weight: bold; margin: 4px 0 12px; }
        .answer.no { color: var(--bad); } .answer.yes { color: var(--good); }
        .asif { border: 2px solid var(--bad); border-radius: 6px; padding: 8px 12px; margin: 0 0 12px; font-weight: bold; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 0 0 14px; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--bg); }
        .card .value { font-size: 24px; font-weight: bold; }
        .card .label { color: var(--muted); font-size: 13px; }
        .verdict { background: #f1f5f9; border-left: 4px solid var(--ink); padding: 10px 14px; margin: 0; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 6px 0 10px; }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { background: #f1f5f9; font-weight: 600; white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.neg { color: var(--bad); }
        td.hit { background: #dcfce7; font-weight: bold; }
        td.run { white-space: nowrap; font-weight: 600; }
        td.date { white-space: nowrap; }
        .legend { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 13.5px; margin: 4px 0 8px; }
        tr:hover td { background: #f8fafc; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
        table.heat td.num { font-size: 12.5px; }
        table.wide { font-size: 12.5px; } table.wide th { white-space: normal; overflow-wrap: anywhere; min-width: 4.5em; } table.wide td { padding: 4px 5px; }
        figure { margin: 8px 0 4px; }
        figure img { width: 100%; height: auto; display: block; border: 1px solid var(--line); border-radius: 4px; }
        figcaption { color: var(--muted); font-size: 12.5px; margin-top: 4px; }
        caption { caption-side: top; text-align: left; color: var(--muted); font-size: 12.5px; padding: 2px 0 6px; }
        .grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
        details summary { cursor: pointer; color: var(--muted); margin: 6px 0; }
        ul.notes li { margin: 4px 0; }
        code { font-size: 12px; }
        @media (max-width: 760px) { main { padding: 16px 10px 32px; } section { padding: 12px; } .grid2 { grid-template-columns: 1fr; } }
        @media print { .table-wrap { overflow: visible; } table { font-size: 10px; } th, td { padding: 2px 4px; } figure, tr, .card { break-inside: avoid; } h2 { break-after: avoid; } tr:hover td { background: none; } }
        """;
}
