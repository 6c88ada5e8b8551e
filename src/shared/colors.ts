/**
 * Frame colours. Package colours come from a stable hash of the package part of
 * the name, so a package keeps its colour across refreshes and panels.
 */

/** The package/namespace part of a function name (Go, Java, C++, Rust, Python styles). */
export function packageOf(name: string): string {
  return name.slice(0, packageEnd(name));
}

const DOT = 46;
const UPPER_A = 65;
const UPPER_Z = 90;

/**
 * Where the package part of `name` ends (it is always a prefix). Found by scanning
 * character codes, without slicing or a regular expression: it runs once for every
 * name a first paint colours, before the engine has optimised anything.
 */
function packageEnd(name: string): number {
  const slash = name.lastIndexOf('/');
  const tail = slash + 1;
  const colons = name.lastIndexOf('::');
  if (colons > tail) {
    return colons;
  }
  // Go: "github.com/a/b/pkg.(*T).Method" and "main.work.func1" → up to the first dot;
  // Java: "com.x.Y.m" (a capitalised class segment) → up to the last dot.
  let dot = -1;
  if (slash < 0) {
    for (let i = 0; i < name.length - 1; i++) {
      const next = name.charCodeAt(i + 1);
      if (name.charCodeAt(i) === DOT && next >= UPPER_A && next <= UPPER_Z) {
        dot = name.lastIndexOf('.');
        break;
      }
    }
  }
  if (dot < 0) {
    dot = name.indexOf('.', tail);
  }
  if (dot > tail) {
    return dot;
  }
  return slash >= 0 ? slash : name.length;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a: stable across runs and browsers. */
export function hashString(text: string): number {
  return hashPrefix(text, text.length);
}

/** FNV-1a of text's first `end` characters, read in place (no substring is made). */
function hashPrefix(text: string, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < end; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** Hues 5° apart (no visible difference) and ten lightness steps: 720 colours at most to set on a canvas. */
const HUE_STEP = 5;
const LIGHTNESS_STEPS = 10;
const palette: string[] = [];

/**
 * A pastel colour per package, the same for every function of that package: calm
 * enough for long looks, light enough that dark label text reads on it, and
 * distinct from both Grafana themes' backgrounds.
 */
export function packageColor(name: string): string {
  let color = nameColors.get(name);
  if (color === undefined) {
    // Many functions share a name across renders: its colour is looked up by the engine's
    // own string hashing. A new name's package is hashed where it lies in the name.
    const hash = hashPrefix(name, packageEnd(name));
    const hue = Math.floor((hash % 360) / HUE_STEP);
    const lightness = (hash >>> 9) % LIGHTNESS_STEPS;
    // Each of the few hundred strings is made once, not once per package.
    color = palette[hue * LIGHTNESS_STEPS + lightness] ??= `hsl(${hue * HUE_STEP}, 48%, ${68 + lightness}%)`;
    if (nameColors.size >= MAX_REMEMBERED_NAMES) {
      nameColors.clear();
    }
    nameColors.set(name, color);
  }
  return color;
}

/**
 * Colours by function name, kept across renders and panels: a focus or a search
 * repaints thousands of frames whose names were coloured already.
 */
const nameColors = new Map<string, string>();
const MAX_REMEMBERED_NAMES = 100_000;

/** Colour by the node's own share of its total: pale for pass-through frames, red for hot self time. */
export function selfColor(self: number, total: number): string {
  const share = total > 0 ? Math.min(1, Math.max(0, self / total)) : 0;
  const hue = 50 - share * 50;
  const lightness = 75 - share * 25;
  return `hsl(${hue.toFixed(1)}, 85%, ${lightness.toFixed(1)}%)`;
}

/**
 * How a node's share changed from the left (baseline) to the right side, each side
 * normalised by its own total: right/rightTotal − left/leftTotal (in shares, −1…1).
 */
export function diffChange(left: number, leftTotal: number, right: number, rightTotal: number): number {
  const leftShare = leftTotal > 0 ? left / leftTotal : 0;
  const rightShare = rightTotal > 0 ? right / rightTotal : 0;
  return rightShare - leftShare;
}

/** The change relative to the larger of the two shares: −1 (gone) … 0 (same) … +1 (new). */
export function relativeChange(left: number, leftTotal: number, right: number, rightTotal: number): number {
  const leftShare = leftTotal > 0 ? left / leftTotal : 0;
  const rightShare = rightTotal > 0 ? right / rightTotal : 0;
  const larger = Math.max(leftShare, rightShare);
  return larger > 0 ? (rightShare - leftShare) / larger : 0;
}

export interface DiffPalette {
  grew: [number, number, number];
  shrank: [number, number, number];
  same: [number, number, number];
}

/** Red grew / green shrank. */
export const DIFF_PALETTE: DiffPalette = { grew: [220, 40, 40], shrank: [40, 170, 70], same: [190, 190, 190] };
/** Colour-blind safe: orange grew / blue shrank. */
export const DIFF_PALETTE_COLORBLIND: DiffPalette = {
  grew: [230, 120, 0],
  shrank: [30, 110, 220],
  same: [190, 190, 190],
};

/** Colour for a relative change in −1…1, blended from grey towards the grew/shrank colour. */
export function diffColor(relative: number, palette: DiffPalette = DIFF_PALETTE): string {
  const t = Math.min(1, Math.abs(Number.isFinite(relative) ? relative : 0));
  const target = relative > 0 ? palette.grew : palette.shrank;
  const mix = (k: number) => Math.round(palette.same[k] + (target[k] - palette.same[k]) * t);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

/** Frames a search does not match: a see-through grey that recedes on light and dark themes. */
export const DIMMED_COLOR = 'rgba(128, 128, 128, 0.22)';
/** Folded "…" nodes: neutral grey. */
export const FOLDED_COLOR = 'rgb(160, 160, 160)';
