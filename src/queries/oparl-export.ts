import type { MeetingDetail } from './meeting.reader';

const OPARL = 'https://schema.oparl.org/1.1';

/**
 * An OParl-shaped Meeting with its AgendaItems (schema.oparl.org/1.1). Ids are this API's
 * own paths (OParl wants URLs; prefix them with the server's address). `start` is the
 * meeting day: the sources give no times. Names only, in official capacity.
 * `ledger:basis` is a property of this ledger's own (prefixed so it cannot clash with
 * OParl's): on the meeting, the basis of its date, place, form, chair, registry number and
 * sign-off; on each agenda item, the basis of the item and of its decision; stated (the
 * document and item that say it) or inferred (the reasoning), as the protocol view shows it.
 */
export function oparlMeeting(m: MeetingDetail) {
  const id = `/meetings/${m.slug}?format=oparl`;
  return {
    id,
    type: `${OPARL}/Meeting`,
    name: `Protokoll ${m.body?.name ?? ''} ${m.date}`.replace(/\s+/g, ' '),
    meetingState: m.status === 'signed-off' ? 'signed-off' : 'recorded',
    cancelled: false,
    start: m.date,
    ...(m.place && { location: { type: `${OPARL}/Location`, description: m.place } }),
    organization: m.body ? [`/groups/${m.body.slug}`] : [],
    participant: [...m.attendance.present, ...m.attendance.others].map((a) => `/people/${a.person.slug}`),
    ...(m.registryNumber && { keyword: [m.registryNumber] }),
    web: `/meetings/${m.slug}/protocol`,
    'ledger:basis': m.basis,
    agendaItem: m.items.map((item, order) => ({
      id: `${id}#item-${item.number}`,
      type: `${OPARL}/AgendaItem`,
      meeting: id,
      number: item.number,
      order,
      name: item.title,
      public: true,
      ...(item.decision && { result: item.decision.status, ...(item.decision.text && { resolutionText: item.decision.text }) }),
      'ledger:basis': { item: item.basis, ...(item.decision && { decision: item.decision.basis }) },
    })),
  };
}
