// The first Japanese text at each font size and weight sends Chromium looking for a font with its glyphs; where none of
// the stack's fonts is installed that search costs 5–30 ms per size and weight, paid in the first layout of whichever
// screen first shows it. This lays out a few characters per size and weight at idle moments after start instead.

/** A font size (px) and weight as the stylesheet uses them together with the root's font family. */
export interface FontFace {
  sizePx: number;
  weight: number;
}

/** One style rule's declared font size and weight ('' when the rule does not set it), as CSSStyleDeclaration gives them. */
export interface FontDeclaration {
  fontSize: string;
  fontWeight: string;
}

/** Weights every page shows whatever the rules say: normal text, and bold (headings and table headers by default). */
const DEFAULT_WEIGHTS = [400, 700];

/**
 * Every size the rules declare (px, or em/rem of the root's size) with every weight they declare and the defaults:
 * which sizes appear in which weights is the screens' business, and a face never shown costs one idle moment.
 */
export function fontFacesOf(declarations: Iterable<FontDeclaration>, rootPx: number): FontFace[] {
  const sizes = new Set<number>([rootPx]);
  const weights = new Set<number>(DEFAULT_WEIGHTS);
  for (const d of declarations) {
    const size = /^(\d+(?:\.\d+)?)(px|r?em)$/.exec(d.fontSize.trim());
    if (size) sizes.add(Math.round((size[2] === 'px' ? Number(size[1]) : Number(size[1]) * rootPx) * 100) / 100);
    const w = d.fontWeight.trim();
    if (/^\d{3}$/.test(w)) weights.add(Number(w));
    else if (w === 'bold') weights.add(700);
  }
  const out: FontFace[] = [];
  for (const sizePx of [...sizes].sort((a, b) => a - b)) for (const weight of [...weights].sort((a, b) => a - b)) out.push({ sizePx, weight });
  return out;
}

/**
 * The faces every screen's first frame shows, warmed before the app's first render, one task each: body text in its
 * weights, the navigation's name, the headings and small print. Together their searches were most of the first
 * layout's 64–96 ms at start (text shaping 63 ms of it in a trace), one task; apart, none is long.
 */
export function startFaces(rootPx: number): FontFace[] {
  return [
    { sizePx: rootPx, weight: 400 }, { sizePx: rootPx, weight: 600 }, { sizePx: rootPx, weight: 700 },
    { sizePx: 20, weight: 700 }, { sizePx: 16, weight: 700 }, { sizePx: 15, weight: 700 }, { sizePx: 12, weight: 400 },
  ];
}

/** Kana, kanji, full-width forms and the symbols the screens use: each script and block has a fallback search of its own. */
export const SAMPLE_TEXT = 'あアｱ漢字、。「」（）・ー０１Ａ〜◇▸▾▲▼●※';

const faceKey = (f: FontFace): string => `${f.sizePx}/${f.weight}`;

/**
 * Lays out each face in a task of its own, for the faces needed before the first render; the first waits for a task
 * too, so none shares the caller's (at start, the one evaluating the first screen's code).
 */
export async function warmFacesNow(faces: readonly FontFace[], layOut: (face: FontFace) => void, nextTask: () => Promise<void>): Promise<void> {
  for (const face of faces) {
    await nextTask();
    layOut(face);
  }
}

export interface WarmupDeps {
  faces: readonly FontFace[];
  /** Runs a callback at an idle moment (requestIdleCallback in the app). */
  schedule: (run: () => void) => void;
  /** Lays out the sample text in one face (see `layOutSample`). */
  layOut: (face: FontFace) => void;
}

/**
 * One face per idle moment, so no single task pays for many; `skip` (the start's faces, already laid out) are left
 * out. Returns a stop (a later face is then never laid out).
 */
export function warmFontFallback({ faces, schedule, layOut }: WarmupDeps, skip: readonly FontFace[] = []): () => void {
  const done = new Set(skip.map(faceKey));
  const todo = faces.filter((f) => !done.has(faceKey(f)));
  let stopped = false;
  const step = (i: number) => {
    if (stopped || i >= todo.length) return;
    schedule(() => {
      if (stopped) return;
      layOut(todo[i]!);
      step(i + 1);
    });
  };
  step(0);
  return () => {
    stopped = true;
  };
}

/** The font declarations of the document's style rules (nested media rules included; unreadable sheets skipped). */
export function documentFontDeclarations(doc: Document): FontDeclaration[] {
  const out: FontDeclaration[] = [];
  const walk = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSStyleRule) {
        if (rule.style.fontSize || rule.style.fontWeight) out.push({ fontSize: rule.style.fontSize, fontWeight: rule.style.fontWeight });
      } else if (rule instanceof CSSGroupingRule) walk(rule.cssRules);
    }
  };
  for (const sheet of Array.from(doc.styleSheets)) {
    try {
      walk(sheet.cssRules);
    } catch {
      // A sheet of another origin: its rules cannot be read, and the app has none.
    }
  }
  return out;
}

/**
 * Lays out the sample in `face` in an invisible, contained box under `root` (so it inherits the app's font family and
 * language), then removes it: the layout is forced here, inside the idle callback, not left to the next frame.
 */
export function layOutSample(root: HTMLElement, face: FontFace): void {
  const box = root.ownerDocument.createElement('span');
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText = `position:absolute;left:0;top:0;visibility:hidden;contain:strict;width:1px;height:1px;overflow:hidden;white-space:nowrap;font-size:${face.sizePx}px;font-weight:${face.weight}`;
  box.textContent = SAMPLE_TEXT;
  root.append(box);
  box.getBoundingClientRect();
  box.remove();
}
