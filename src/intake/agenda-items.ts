import type { AgendaItemKind } from '../events/meeting.events';
import { LIST_START, readDecision, type ReadDecision } from './item-decision';
import type { KnownNamed } from './intake-result';
import { mendParagraphs, type Paragraph } from './paragraphs';
import { affiliationOf, PERSON_NAME, readPersonPhrase } from './person-phrase';
import { cleanInline, type RawLine } from './source-lines';

export interface Presenter {
  readonly name: string;
  readonly as: string;
  readonly line: RawLine;
}


/** One agenda item as read: a numbered item ("4") or a point under it ("4.1"). */
export interface ReadItem {
  readonly number: string;
  readonly title: string;
  readonly kind: AgendaItemKind;
  readonly headingLines: readonly RawLine[];
  readonly presenters: readonly Presenter[];
  /** Paragraphs of the item text (not the decision). */
  readonly text: readonly Paragraph[];
  readonly decision: ReadDecision | null;
  /** "Notering: …" printed after the decision. */
  readonly afterDecision: readonly Paragraph[];
  /** Every non-blank line after the heading that belongs to this item and not to a point under it, furniture left out. */
  readonly lines: readonly RawLine[];
  /** What the clerk should check (Swedish). */
  readonly notes: readonly string[];
  /** Lines the item text leaves out, with why: picture captions, a table the conversion flattened. */
  readonly setAside: readonly { readonly lines: readonly RawLine[]; readonly reason: string }[];
  /** The lines the RecordMeeting item is read from: heading, presenters, text, decision. */
  readonly usedLines: readonly RawLine[];
}

const TOP_HEADING = /^(\d{1,2})\.\s+(\S.*)$/;
const TAGGED_PREFIX = /^(Beslut|Information)\s*[-–]\s+(\S.*)$/;
const TAGGED_SUFFIX = /^(\S.*?)\s+[-–]\s*(Beslut|Information)$/;
const DASH_POINT = /^([^.,:;|]{2,60}?)\s+[–-]\s+(\p{Lu}.*[.!?])$/u;
const PRESENTS = new RegExp(String.raw`^(${PERSON_NAME})\s+(?:ger|presenterar|informerar|redogör|berättar)\b`, 'u');
const CAPTION_MAX = 100;

export interface TopHeading {
  readonly index: number;
  readonly number: string;
  readonly title: string;
}

/** "1. Välkomna", " 4. Beslut- och informationspunkter": numbered 1, 2, 3, … in order; a number out of sequence is text. */
export function findTopHeadings(lines: readonly RawLine[]): TopHeading[] {
  const found: TopHeading[] = [];
  for (const [index, l] of lines.entries()) {
    const m = TOP_HEADING.exec(cleanInline(l.text));
    if (!m || Number(m[1]) !== found.length + 1) continue;
    const title = m[2]!.trim();
    if (title.length > 150 || /[.!?]$/.test(title)) continue;
    found.push({ index, number: m[1]!, title });
  }
  return found;
}

type Token = { readonly kind: 'para'; readonly p: Paragraph } | { readonly kind: 'presenter'; readonly p: Paragraph; readonly presenter: Presenter };

function isPresenterLine(l: RawLine, prev: RawLine | undefined, parties: readonly KnownNamed[]): Presenter | null {
  if (l.table || LIST_START.test(l.text.trim())) return null;
  const text = cleanInline(l.text);
  if (text.length > 200) return null;
  if (prev && /(?:,|\boch)$/u.test(prev.text.trim())) return null; // the middle of a sentence
  const phrase = readPersonPhrase(text);
  if (!phrase || affiliationOf(phrase.as, parties) === null) return null;
  return { name: phrase.name, as: phrase.as, line: l };
}

function tokensOf(lines: readonly RawLine[], furniture: ReadonlySet<number>, parties: readonly KnownNamed[]): Token[] {
  const presenters = new Map<number, Presenter>();
  let prev: RawLine | undefined;
  for (const l of lines) {
    if (l.blank || furniture.has(l.line)) continue;
    const p = isPresenterLine(l, prev, parties);
    if (p) presenters.set(l.line, p);
    prev = l;
  }
  return mendParagraphs(lines, furniture, new Set(presenters.keys())).map((p) => {
    const presenter = p.lines.length === 1 ? presenters.get(p.lines[0]!.line) : undefined;
    return presenter ? { kind: 'presenter', p, presenter } : { kind: 'para', p };
  });
}

function tagOf(p: Paragraph): { kind: AgendaItemKind; title: string } | null {
  if (p.text.length > 300 || /[.!?]$/.test(p.text)) return null;
  const pre = TAGGED_PREFIX.exec(p.text);
  const suf = TAGGED_SUFFIX.exec(p.text);
  const tag = pre?.[1] ?? suf?.[2];
  return tag ? { kind: tag === 'Beslut' ? 'decision' : 'information', title: p.text } : null;
}

function isPlainHeading(p: Paragraph): boolean {
  return p.lines.length === 1 && p.text.length >= 2 && p.text.length <= 120 && !/[.!?:,;]$/.test(p.text) && !LIST_START.test(p.text) && !/\bbeslutar\b/i.test(p.text) && !p.lines[0]!.text.includes('\t');
}

/** Non-blank lines of a run of tokens, furniture and blanks left out. */
function linesOf(tokens: readonly Token[]): RawLine[] {
  return tokens.flatMap((t) => t.p.lines);
}

interface Body {
  readonly number: string;
  readonly title: string;
  readonly headingLines: readonly RawLine[];
  readonly tokens: readonly Token[];
  readonly forcedKind: AgendaItemKind | null;
  /** For a dash point ("Ordnat införande - Den länsgemensamma …"): the text after the title. */
  readonly leadText: Paragraph | null;
}

function buildItem(body: Body): ReadItem {
  const notes: string[] = [];
  const presenters = body.tokens.flatMap((t) => (t.kind === 'presenter' ? [t.presenter] : []));
  let paras = body.tokens.flatMap((t) => (t.kind === 'para' ? [t.p] : []));
  let forcedKind = body.forcedKind;
  const headingLines = [...body.headingLines];
  // A tagged line inside an item that is not a list of points ("Beslut - Gemensam plan …" after the
  // background) marks the item's own decision: it is a heading of the decision, not of a new point.
  const marker = paras.find((p) => tagOf(p) !== null);
  if (marker && forcedKind === null) {
    forcedKind = tagOf(marker)!.kind;
    headingLines.push(...marker.lines);
    const at = paras.indexOf(marker);
    paras = [...paras.slice(0, at), ...paras.slice(at + 1)];
  }
  const { decision: found, used, after } = readDecision(forcedKind === 'information' ? [] : paras);
  let decision = found;
  if (forcedKind === 'decision' && decision === null && paras.length > 0) {
    decision = { text: paras.map((p) => p.text).join('\n'), outcome: 'decided', lines: paras.flatMap((p) => p.lines) };
    paras.forEach((p) => used.add(p));
    notes.push(`Punkt ${body.number} är märkt som beslut men inget beslut står i klartext; hela texten har lästs som beslutet.`);
  }
  // A deferred decision keeps its sentence in the item text: it says what is to be decided, not the decision.
  if (decision?.outcome === 'deferred') used.clear();
  const setAside: { lines: readonly RawLine[]; reason: string }[] = [];
  const rest = paras.filter((p) => !used.has(p));
  const ruleLines: RawLine[] = [];
  const text = [...(body.leadText ? [body.leadText] : []), ...rest].filter((p, i) => {
    if (p.text === '') {
      ruleLines.push(...p.lines); // a table's rule or empty row ("|--|----|"): part of the table the text renders
      return false;
    }
    if (p.lines.every((l) => l.table)) {
      setAside.push({ lines: p.lines, reason: 'tabell som konverteringen har plattat till (läs den i originalet)' });
      return false;
    }
    // A short line standing alone after the text began, without a full stop: a picture's caption or a slide title.
    if (i > 0 && p.lines.length === 1 && p.text.length <= CAPTION_MAX && !/[.!?:]$/.test(p.text) && !LIST_START.test(p.text)) {
      setAside.push({ lines: p.lines, reason: 'kort rad utan sammanhang (bildtext, rubrik på en bild eller liknande), inte med i punktens text' });
      return false;
    }
    return true;
  });
  const kind: AgendaItemKind = forcedKind ?? (decision ? 'decision' : 'information');
  if (decision?.outcome === 'needs-ratification') notes.push(`Punkt ${body.number}: "${decision.ratifiers?.[0]?.name}" tog beslutet vid ett annat tillfälle; fler parter kan behöva ratificera (kontrollera).`);
  // "Sofia Hartz ger kort information …": the one the text says presents, when no presenter line is printed.
  const speaker = presenters.length === 0 && text[0] ? PRESENTS.exec(text[0].text) : null;
  if (speaker) presenters.push({ name: speaker[1]!.replace(/\s+/g, ' '), as: '', line: text[0]!.lines[0]! });
  const usedLines = [...headingLines, ...presenters.map((p) => p.line), ...text.flatMap((p) => p.lines), ...ruleLines, ...(decision?.lines ?? []), ...after.flatMap((p) => p.lines)];
  return {
    number: body.number,
    title: body.title,
    kind,
    headingLines,
    presenters,
    text,
    decision: kind === 'decision' ? decision : null,
    afterDecision: after,
    lines: linesOf(body.tokens),
    notes,
    setAside,
    usedLines,
  };
}

/**
 * The items of one numbered heading: the item itself and, when it is a list of points ("4.
 * Beslut- och informationspunkter", "8. Besluts punkter", a run of "Titel – text" points, or
 * sub-headings each with its presenter), the points under it numbered "4.1", "4.2", … in order.
 */
export function readItem(heading: TopHeading, headingLine: RawLine, lines: readonly RawLine[], furniture: ReadonlySet<number>, parties: readonly KnownNamed[]): ReadItem[] {
  const tokens = tokensOf(lines, furniture, parties);
  const container = /punkter\b/iu.test(heading.title);
  const starts: { at: number; title: string; kind: AgendaItemKind | null; lead: Paragraph | null }[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'para') return;
    const next = tokens[i + 1];
    const tag = tagOf(t.p);
    if (container && tag) starts.push({ at: i, title: tag.title, kind: tag.kind, lead: null });
    else if (container && next && isPlainHeading(t.p)) starts.push({ at: i, title: t.p.text, kind: null, lead: null });
  });
  if (!container) {
    const withPresenter = tokens.flatMap((t, i) => (t.kind === 'para' && isPlainHeading(t.p) && tokens[i + 1]?.kind === 'presenter' ? [i] : []));
    const dashPoints = tokens.flatMap((t, i) => (t.kind === 'para' && tagOf(t.p) === null && DASH_POINT.test(t.p.text) ? [i] : []));
    if (withPresenter.length >= 2) withPresenter.forEach((at) => starts.push({ at, title: (tokens[at] as Token).p.text, kind: null, lead: null }));
    else if (dashPoints.length >= 2)
      dashPoints.forEach((at) => {
        const p = tokens[at]!.p;
        const m = DASH_POINT.exec(p.text)!;
        starts.push({ at, title: m[1]!.trim(), kind: null, lead: { lines: p.lines, text: m[2]!.trim() } });
      });
  }
  const first = starts[0]?.at ?? tokens.length;
  const items = [buildItem({ number: heading.number, title: heading.title, headingLines: [headingLine], tokens: tokens.slice(0, first), forcedKind: container ? 'information' : null, leadText: null })];
  starts.forEach((s, k) => {
    const end = starts[k + 1]?.at ?? tokens.length;
    const headingLines = s.lead ? [] : tokens[s.at]!.p.lines;
    const body = tokens.slice(s.at + 1, end);
    const item = buildItem({ number: `${heading.number}.${k + 1}`, title: s.title, headingLines, tokens: body, forcedKind: s.kind, leadText: s.lead });
    // A dash point's own line is both its title and its first paragraph.
    items.push(s.lead ? { ...item, headingLines: s.lead.lines, lines: [...s.lead.lines, ...item.lines], usedLines: [...s.lead.lines, ...item.usedLines] } : item);
  });
  return items;
}
