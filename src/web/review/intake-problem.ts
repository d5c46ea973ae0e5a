import type { LedgerError } from '../../domain/ledger-errors';

/** Why the intake refused the text, in a clerk's words, and the form field it concerns. */
export function intakeProblemSv(error: LedgerError): { field: string; message: string } {
  const field = error.problems[0]?.field === 'protocol' ? 'protocol' : 'text';
  switch (error.kind) {
    case 'protocol-too-large':
      return { field, message: 'Texten är större än 5 MB, långt mer än ett protokoll brukar vara. Kontrollera att du valde rätt fil. Inget har sparats.' };
    case 'protocol-not-text':
      return {
        field,
        message: `Filen är inte vanlig text (${/PDF/.test(error.message) ? 'en PDF-fil' : /Word|zip/.test(error.message) ? 'en Word-fil' : /UTF-8|charset/.test(error.message) ? 'fel teckenkodning' : 'binära data'}). Spara protokollet som text (.txt, UTF-8) eller klistra in texten. Inget har sparats.`,
      };
    case 'unreadable-protocol':
      return { field, message: `${error.message} Inget har sparats.` };
    case 'invalid-input':
      return { field, message: 'Texten är tom: klistra in protokollets text eller välj en textfil.' };
    default:
      return { field, message: `${error.message} Inget har sparats.` };
  }
}
