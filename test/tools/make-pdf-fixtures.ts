/**
 * Writes the small PDFs in test/fixtures/pdf/ that the PDF tests read: hand-made PDF 1.4 files
 * with the standard Helvetica font (WinAnsi encoding, so German umlauts and ß work), so they
 * need no office program. Run with: npx tsx test/tools/make-pdf-fixtures.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Line = [fontSize: number, text: string];

interface PdfSpec {
  pages: Line[][];
  /** The document information dictionary's Title. */
  title?: string;
  /** A page that only draws (like a scan): no text at all. */
  drawingOnly?: boolean;
}

function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (char) => `\\${char}`)})`;
}

export function makePdf(spec: PdfSpec): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'); // 1
  add(''); // 2: the page tree, filled in below
  const kids: number[] = [];
  for (const lines of spec.pages) {
    let content = '';
    if (spec.drawingOnly) {
      content = '0.5 g 72 400 450 300 re f\n';
    } else {
      let y = 780;
      for (const [size, text] of lines) {
        content += `BT /F1 ${size} Tf 72 ${y} Td ${pdfString(text)} Tj ET\n`;
        y -= size * 1.6;
      }
    }
    add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`);
    const contentId = objects.length;
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 1 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((id) => `${id} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  add('<< /Type /Catalog /Pages 2 0 R /Lang (de-DE) >>');
  const catalog = objects.length;
  let info = 0;
  if (spec.title) {
    add(`<< /Title ${pdfString(spec.title)} /ModDate (D:20260115093000+01'00') >>`);
    info = objects.length;
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export const PDF_FIXTURES: Record<string, PdfSpec> = {
  // Metadata title, two pages, a word broken at the end of a line.
  'merkblatt-wohngeld.pdf': {
    title: 'Merkblatt zum Wohngeld',
    pages: [
      [
        [20, 'Wohngeld in Hessen'],
        [11, 'Wohngeld ist ein Zuschuss zur Miete für Haushalte mit geringem Einkommen.'],
        [11, 'Den Antrag stellen Sie bei der Wohngeld-'],
        [11, 'behörde Ihrer Stadt. Größe und Miete der Wohnung zählen.'],
      ],
      [[11, 'Zweite Seite: Unterlagen wie Mietvertrag und Einkommensnachweise.']],
    ],
  },
  // No metadata title: the largest text on page 1 is the heading.
  'antrag-elterngeld.pdf': {
    pages: [
      [
        [9, 'Landkreis Musterstadt – Jugendamt'],
        [22, 'Antrag auf Elterngeld'],
        [11, 'Bitte füllen Sie das Formular vollständig aus und fügen Sie die Geburtsurkunde bei.'],
      ],
    ],
  },
  // A scan: pages without a text layer.
  'scan.pdf': { drawingOnly: true, pages: [[], []] },
};

const folder = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'pdf');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(folder, { recursive: true });
  for (const [name, spec] of Object.entries(PDF_FIXTURES)) {
    writeFileSync(join(folder, name), makePdf(spec));
  }
  writeFileSync(join(folder, 'kaputt.pdf'), '%PDF-1.4\nthis is not really a PDF\n');
}
