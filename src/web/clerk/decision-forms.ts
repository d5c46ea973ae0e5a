/**
 * The six forms for the common decisions, as data: which command each sends, its fields in
 * the order a protocol gives them, in Swedish. Each field's `name` is the DTO's key under `data`
 * (src/commands/<name>/<name>.command.ts), so a refusal naming `data.<key>` lands next to it.
 */
export type FieldKind = 'group' | 'person' | 'party' | 'date' | 'text' | 'select' | 'textarea';

export interface FormField {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  readonly hint?: string;
  readonly options?: readonly (readonly [value: string, label: string])[];
  /** Dates: whether "okänt" is allowed, or only a whole day. */
  readonly date?: { readonly allowUnknown?: boolean; readonly dayOnly?: boolean };
  /** People: a name the ledger does not know yet is registered as a new person (else refused). */
  readonly mayBeNew?: boolean;
}

export interface DecisionForm {
  /** The path under /registrera/. */
  readonly slug: string;
  readonly title: string;
  readonly commandType: string;
  /** One sentence: the protocol wording this form records. */
  readonly intro: string;
  readonly fields: readonly FormField[];
  /** Cites the decision behind it (metadata.decision: meeting and item). */
  readonly cites: boolean;
  /** The meeting form has agenda items as rows. */
  readonly items?: boolean;
}

const SEAT: readonly FormField[] = [
  { name: 'role', label: 'Sitter som', kind: 'text', hint: 'Lämna tomt för ledamot, eller skriv t.ex. processledare.' },
  { name: 'representing', label: 'Representerar', kind: 'party', hint: 'Huvudmannen, t.ex. Region Kalmar län.' },
  { name: 'field', label: 'Område', kind: 'text', hint: 'T.ex. hab/rehab eller skolhälsovården.' },
  { name: 'title', label: 'Titel', kind: 'text', hint: 'T.ex. socialchef.' },
];

const DATE_HINT = 'T.ex. 2025-02-28 eller 28 februari 2025; en månad (februari 2025) eller ett år går också.';

export const DECISION_FORMS: readonly DecisionForm[] = [
  {
    slug: 'ersatt-ledamot',
    title: 'Ersätt en ledamot',
    commandType: 'ReplaceMember',
    intro: '”X ersätter tidigare deltagare Y i samordnande grupp Z”: den nya ledamoten tar över platsen från den dag som anges.',
    cites: true,
    fields: [
      { name: 'group', label: 'Grupp', kind: 'group', required: true },
      { name: 'outgoing', label: 'Tidigare ledamot (avgår)', kind: 'person', required: true },
      { name: 'incoming', label: 'Ny ledamot (tillträder)', kind: 'person', required: true, mayBeNew: true, hint: 'Finns personen inte i registret läggs hon eller han till.' },
      { name: 'effectiveFrom', label: 'Gäller från', kind: 'date', required: true, hint: DATE_HINT },
      ...SEAT,
    ],
  },
  {
    slug: 'tillsatt-ledamot',
    title: 'Tillsätt en ny ledamot',
    commandType: 'AppointMember',
    intro: '”X tillsätts som ny representant”: en ny plats i gruppen.',
    cites: true,
    fields: [
      { name: 'group', label: 'Grupp', kind: 'group', required: true },
      { name: 'person', label: 'Ny ledamot', kind: 'person', required: true, mayBeNew: true, hint: 'Finns personen inte i registret läggs hon eller han till.' },
      { name: 'effectiveFrom', label: 'Gäller från', kind: 'date', required: true, date: { allowUnknown: true }, hint: `${DATE_HINT} Skriv ”okänt” om källan inte säger när.` },
      ...SEAT,
    ],
  },
  {
    slug: 'avsluta-uppdrag',
    title: 'Avsluta ett uppdrag',
    commandType: 'EndMembership',
    intro: 'En ledamot lämnar gruppen utan att någon tar över platsen.',
    cites: true,
    fields: [
      { name: 'group', label: 'Grupp', kind: 'group', required: true },
      { name: 'person', label: 'Ledamot som lämnar', kind: 'person', required: true },
      { name: 'effectiveFrom', label: 'Första dagen utan uppdrag', kind: 'date', required: true, hint: DATE_HINT },
    ],
  },
  {
    slug: 'utse-ordforande',
    title: 'Utse ordförande eller vice ordförande',
    commandType: 'AppointChair',
    intro: '”Ordförande … gäller t o m dec 2026”: ordförandeskap för en period.',
    cites: true,
    fields: [
      { name: 'group', label: 'Grupp', kind: 'group', required: true },
      { name: 'person', label: 'Person', kind: 'person', required: true, mayBeNew: true },
      { name: 'role', label: 'Uppdrag', kind: 'select', required: true, options: [['chair', 'Ordförande'], ['vice-chair', 'Vice ordförande']] },
      { name: 'effectiveFrom', label: 'Gäller från', kind: 'date', required: true, date: { allowUnknown: true }, hint: `${DATE_HINT} Skriv ”okänt” om källan inte säger när.` },
      { name: 'effectiveTo', label: 'Gäller till och med', kind: 'date', hint: 'T.ex. december 2026 (”t o m dec 2026”). Lämna tomt om inget slut anges.' },
    ],
  },
  {
    slug: 'anstallning',
    title: 'Registrera anställning och titel',
    commandType: 'RecordAffiliation',
    intro: 'Var en person är anställd och med vilken titel, från ett datum som källan anger; gäller till nästa ändring.',
    cites: true,
    fields: [
      { name: 'person', label: 'Person', kind: 'person', required: true, mayBeNew: true },
      { name: 'organisation', label: 'Arbetsgivare', kind: 'party', required: true },
      { name: 'unit', label: 'Förvaltning eller enhet', kind: 'text', hint: 'T.ex. Primärvårdsförvaltningen.' },
      { name: 'title', label: 'Titel', kind: 'text', hint: 'T.ex. socialchef.' },
      { name: 'effectiveFrom', label: 'Gäller från', kind: 'date', required: true, hint: DATE_HINT },
    ],
  },
  {
    slug: 'mote',
    title: 'Registrera ett möte',
    commandType: 'RecordMeeting',
    intro: 'Ett möte med datum, plats, protokollets rubrik och dess numrerade punkter.',
    cites: false,
    items: true,
    fields: [
      { name: 'body', label: 'Organ som möttes', kind: 'group', required: true, hint: 'T.ex. Länsgemensam ledning i samverkan.' },
      { name: 'date', label: 'Mötesdag', kind: 'date', required: true, date: { dayOnly: true }, hint: 'T.ex. 2025-02-28 eller 28 februari 2025.' },
      { name: 'place', label: 'Plats', kind: 'text' },
      { name: 'title', label: 'Protokollets rubrik', kind: 'text' },
      { name: 'form', label: 'Mötesform', kind: 'select', options: [['', 'Inte angiven'], ['in-person', 'Fysiskt'], ['digital', 'Digitalt'], ['hybrid', 'Hybrid'], ['per-capsulam', 'Per capsulam']] },
      { name: 'registryNumber', label: 'Diarienummer', kind: 'text', hint: 'T.ex. RS DRN 2025/51.' },
      { name: 'chair', label: 'Ordförande vid mötet', kind: 'person', mayBeNew: true },
    ],
  },
];

export const FORMS_BY_SLUG: ReadonlyMap<string, DecisionForm> = new Map(DECISION_FORMS.map((f) => [f.slug, f]));

/** The columns of one agenda item row of the meeting form. */
export const ITEM_COLUMNS = ['number', 'title', 'kind', 'text', 'decisionText', 'outcome', 'procedure'] as const;
export type ItemColumn = (typeof ITEM_COLUMNS)[number];
export const ITEM_KINDS: readonly (readonly [string, string])[] = [['information', 'Information'], ['decision', 'Beslut']];
/** A decision that needs ratification names its ratifiers: that is the JSON API's (and the protocol import's) work, not this form's. */
export const OUTCOMES: readonly (readonly [string, string])[] = [['decided', 'Beslutat'], ['deferred', 'Skjuts upp (t.ex. beslutas via mejl)']];
/** Rows shown at first; "Fler punkter" adds as many again. */
export const ITEM_ROWS = 5;
export const MAX_ITEM_ROWS = 200;
