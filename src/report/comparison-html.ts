import type { Comparison } from '../experiment/compare.js';
import { escapeHtml as escape } from './escape-html.js';
import { keyFigures, signedWithInterval, withInterval } from './stats-table.js';

/** The comparison page: verdicts, the key figures with intervals, and the charts (self-contained). */
export function comparisonHtml(c: Comparison, verdicts: readonly string[], charts: readonly { name: string; svg: string }[]): string {
  const keys = keyFigures(c.variants[0].figures);
  const head = `<tr><th>figure</th>${c.variants.map((v, i) => `<th class="num">${escape(v.label)}${i > 0 ? ' (change)' : ''}</th>`).join('')}</tr>`;
  const rows = keys
    .map(
      (k) =>
        `<tr><td>${escape(k.label)}</td>${c.variants
          .map((v, i) => `<td class="num">${escape(i === 0 ? withInterval(v.figures[k.path], k.format) : `${k.format(v.figures[k.path].mean)} (${signedWithInterval(c.differences[i - 1].figures[k.path], k.format)})`)}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(`Comparison: ${c.variants.map((v) => v.label).join(' vs ')}`)}</title>
<style>
body { margin: 0; background: #fbfcfd; color: #1d2733; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 24px 64px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; }
.verdict { font-size: 17px; background: #fff; border: 1px solid #dde3e9; border-left: 4px solid #2f6db5; border-radius: 6px; padding: 10px 14px; margin: 10px 0; }
table { border-collapse: collapse; width: 100%; font-size: 14px; } th, td { padding: 5px 10px; border-bottom: 1px solid #dde3e9; text-align: left; white-space: nowrap; }
th { color: #5b6b7b; font-size: 12.5px; } .num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 18px 0; background: #fff; border: 1px solid #dde3e9; border-radius: 8px; padding: 14px; overflow-x: auto; } figure svg { max-width: 100%; height: auto; }
</style></head><body><main>
<h1>${escape(c.variants.map((v) => v.label).join(' vs '))}</h1>
${verdicts.map((v) => `<p class="verdict">${escape(v)}</p>`).join('\n')}
<h2>Key figures</h2><div style="overflow-x:auto"><table><thead>${head}</thead><tbody>${rows}</tbody></table></div>
<h2>Charts</h2>
${charts.map((ch) => `<figure id="chart-${ch.name}">${ch.svg.replace(/^<\?xml[^>]*>\s*/, '')}</figure>`).join('\n')}
<p style="color:#5b6b7b;font-size:13px">Every figure, with its interval and P10/P50/P90, is in comparison.csv and comparison.json beside this page.</p>
</main></body></html>
`;
}
