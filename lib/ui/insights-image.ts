/**
 * The Insights view as one PNG for a team meeting: the SVG charts as drawn on the page, and the
 * tables, painted on a canvas. Nothing is fetched: charts are serialised from the page (their
 * colours are SVG attributes, see chart-style.ts), text uses the system font.
 */
import { CHART } from './chart-style';
import type { InsightsTable } from './insights-tables';

export interface ImageSection {
  title: string;
  /** Charts as drawn on the page; small ones (`ll-chart-small`) are laid out side by side. */
  charts: SVGSVGElement[];
  tables: InsightsTable[];
}

const WIDTH = 1240;
const MARGIN = 32;
const CONTENT = WIDTH - 2 * MARGIN;
const ROW = 24;
const SCALE = 2;

async function toImage(svg: SVGSVGElement): Promise<{ image: HTMLImageElement; width: number; height: number }> {
  const box = svg.viewBox.baseVal;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return { image, width: box.width, height: box.height };
  } finally {
    URL.revokeObjectURL(url);
  }
}

function font(weight: number, size: number): string {
  return `${weight} ${size}px ${CHART.font}`;
}

/** Cuts text to fit `width` pixels with an ellipsis. */
function clip(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  const chars = Array.from(text);
  while (chars.length > 1 && ctx.measureText(`${chars.join('')}…`).width > width) chars.pop();
  return `${chars.join('')}…`;
}

/** Column widths: each column's widest cell, shrunk in proportion when the table is wider than the page. */
function columnWidths(ctx: CanvasRenderingContext2D, table: InsightsTable): number[] {
  const widths = table.columns.map((column, i) => {
    ctx.font = font(600, 12);
    let w = ctx.measureText(column).width;
    // Measured in the weight drawn: the first column (row names) is bold.
    ctx.font = font(i === 0 ? 600 : 400, 12);
    for (const row of table.rows) w = Math.max(w, ctx.measureText(row[i] ?? '').width);
    return Math.min(w + 16, 560);
  });
  const total = widths.reduce((a, b) => a + b, 0);
  return total <= CONTENT ? widths : widths.map((w) => (w * CONTENT) / total);
}

type Draw = (ctx: CanvasRenderingContext2D, y: number) => void;

/** Paints the title and the sections, top to bottom, and returns the PNG. */
export async function renderInsightsImage(title: string, subtitle: string, sections: ImageSection[]): Promise<Blob> {
  const measure = document.createElement('canvas').getContext('2d')!;
  const steps: { height: number; draw: Draw }[] = [];
  steps.push({
    height: 64,
    draw: (ctx, y) => {
      ctx.fillStyle = CHART.bar;
      ctx.font = font(700, 24);
      ctx.fillText(title, MARGIN, y + 28);
      ctx.fillStyle = CHART.muted;
      ctx.font = font(400, 14);
      ctx.fillText(subtitle, MARGIN, y + 52);
    },
  });
  for (const section of sections) {
    steps.push({
      height: 40,
      draw: (ctx, y) => {
        ctx.fillStyle = CHART.text;
        ctx.font = font(700, 18);
        ctx.fillText(section.title, MARGIN, y + 28);
      },
    });
    const images = await Promise.all(section.charts.map(toImage));
    const small = images.filter((_, i) => section.charts[i]!.classList.contains('ll-chart-small'));
    for (const chart of images.filter((c) => !small.includes(c))) {
      const scale = Math.min(1, CONTENT / chart.width);
      steps.push({ height: chart.height * scale + 12, draw: (ctx, y) => ctx.drawImage(chart.image, MARGIN, y, chart.width * scale, chart.height * scale) });
    }
    if (small.length > 0) {
      const gap = 16;
      const perRow = Math.max(1, Math.floor((CONTENT + gap) / (small[0]!.width + gap)));
      for (let i = 0; i < small.length; i += perRow) {
        const row = small.slice(i, i + perRow);
        const height = Math.max(...row.map((c) => c.height));
        steps.push({
          height: height + gap,
          draw: (ctx, y) => row.forEach((c, j) => ctx.drawImage(c.image, MARGIN + j * (c.width + gap), y, c.width, c.height)),
        });
      }
    }
    for (const table of section.tables) {
      const widths = columnWidths(measure, table);
      steps.push({
        height: (table.rows.length + 1) * ROW + 20,
        draw: (ctx, y) => {
          ctx.fillStyle = '#f1f4f7';
          ctx.fillRect(
            MARGIN,
            y,
            widths.reduce((a, b) => a + b, 0),
            ROW,
          );
          const cells = [table.columns, ...table.rows];
          cells.forEach((row, r) => {
            let x = MARGIN;
            const top = y + r * ROW;
            ctx.strokeStyle = CHART.grid;
            ctx.beginPath();
            ctx.moveTo(MARGIN, top + ROW);
            ctx.lineTo(MARGIN + widths.reduce((a, b) => a + b, 0), top + ROW);
            ctx.stroke();
            row.forEach((cell, c) => {
              const w = widths[c]!;
              ctx.font = font(r === 0 || c === 0 ? 600 : 400, 12);
              ctx.fillStyle = CHART.text;
              const text = clip(ctx, cell, w - 12);
              const right = r > 0 && table.numeric[c];
              ctx.textAlign = right ? 'right' : 'left';
              ctx.fillText(text, right ? x + w - 6 : x + 6, top + 16);
              ctx.textAlign = 'left';
              x += w;
            });
          });
        },
      });
    }
  }
  const height = steps.reduce((a, s) => a + s.height, 0) + MARGIN;
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH * SCALE;
  canvas.height = Math.ceil(height * SCALE);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = CHART.background;
  ctx.fillRect(0, 0, WIDTH, height);
  let y = MARGIN / 2;
  for (const step of steps) {
    step.draw(ctx, y);
    y += step.height;
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made.'))), 'image/png'));
}
