import type { DecisionFollowUpEvent } from '../../events/decision.events';
import { recordDeferredDecision } from '../record-deferred-decision/record-deferred-decision.decide';
import { recordRatification } from '../record-ratification/record-ratification.decide';
import type { DecisionFollowUpCommand } from './meeting.commands';
import { evolveMeeting, initialMeetingState, type MeetingState } from './meeting.state';

/** Decides on a decision's follow-up stream; its state is the meeting folded with that stream. */
export function decideFollowUp(command: DecisionFollowUpCommand, state: MeetingState): DecisionFollowUpEvent[] {
  switch (command.type) {
    case 'RecordDeferredDecision':
      return recordDeferredDecision(command, state);
    case 'RecordRatification':
      return recordRatification(command, state);
    default:
      return assertNever(command);
  }
}

export const decisionFollowUpDecider = { decide: decideFollowUp, evolve: evolveMeeting, initialState: initialMeetingState };

function assertNever(value: never): never {
  throw new Error(`Unhandled command ${JSON.stringify(value)}`);
}
