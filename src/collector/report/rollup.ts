import { RESERVED, type Props } from '../../types.js';
import type { Batch, StoredTouchpoint } from '../records.js';
import { mergeSubmission } from './answer-rollup.js';
import type { DailyRow, Place, ReportRows, SubmissionRow, VisitorState } from './rows.js';

const text = (value: unknown): value is string => typeof value === 'string' && value !== '';
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function bumpDaily(rows: ReportRows, place: Place, promptId: string, measure: DailyRow['measure'], key: string, amount = 0) {
  // The same id answer-rollup.ts gives its rows: every column of the roll-up's key.
  const id = JSON.stringify([place.stage, promptId, measure, key, place.day, place.writeKey, place.device, place.locale]);
  const row = rows.daily.get(id) ?? { ...place, promptId, measure, key, count: 0, amount: 0 };
  row.count++;
  row.amount += amount;
  rows.daily.set(id, row);
}

function submissionOf(touchpoint: StoredTouchpoint, place: Place): SubmissionRow {
  const props = touchpoint.props;
  const score = props.score;
  return {
    ...place,
    promptId: props.promptId as string,
    submissionId: props.submissionId as string,
    anonymousId: touchpoint.anonymousId,
    kind: text(props.kind) ? props.kind : null,
    score: finite(score) ? score : null,
    // A score that is there but not a number is no answer at all (see summarize()).
    scoreInvalid: score !== undefined && !finite(score),
    max: finite(props.max) ? props.max : null,
    scale: text(props.scale) ? props.scale : null,
    metric: text(props.metric) ? props.metric : null,
    choices: Array.isArray(props.choices) ? props.choices.filter(text) : [],
    other: text(props.other) ? props.other : null,
    comment: text(props.comment) ? props.comment : null,
    complete: props.complete === true,
    variant: text(props.variant) ? props.variant : null,
    ts: touchpoint.ts,
    recordId: touchpoint.id,
  };
}

/** Two steps of one submission in one batch become one row, merged as the database merges them. */
function addSubmission(rows: ReportRows, step: SubmissionRow) {
  const id = JSON.stringify([step.promptId, step.submissionId]);
  rows.submissions.set(id, mergeSubmission(rows.submissions.get(id), step));
}

function addPoints(rows: ReportRows, touchpoint: StoredTouchpoint, place: Place) {
  const { props, userId, anonymousId } = touchpoint;
  // The same key summarize() groups a visitor's points by.
  const visitor = text(userId) ? `u:${userId}` : `a:${anonymousId}`;
  const key = JSON.stringify([place.day, place.writeKey, visitor]);
  const row = rows.pointsDays.get(key) ?? { ...place, visitor, awarded: 0, redeemed: 0, tier: null, tierTs: null };
  rows.pointsDays.set(key, row);
  if (touchpoint.name === RESERVED.tier) {
    if (row.tierTs === null || touchpoint.ts >= row.tierTs) [row.tier, row.tierTs] = [text(props.to) ? props.to : 'none', touchpoint.ts];
  } else if (finite(props.delta) && props.delta !== 0) {
    const rule = text(props.rule) ? props.rule : '';
    if (props.delta > 0) row.awarded += props.delta;
    else row.redeemed -= props.delta;
    bumpDaily(
      rows,
      place,
      '',
      props.delta > 0 ? 'awarded' : 'redeemed',
      props.delta > 0 ? rule : text(props.offerId) ? props.offerId : rule,
      Math.abs(props.delta),
    );
  }
}

/** Device and locale are recorded by the first touchpoint that carries them in its props. */
function noteTraits(state: VisitorState, props: Props) {
  if (!state.device && text(props.device)) state.device = props.device.slice(0, 40);
  if (!state.locale && text(props.locale)) state.locale = props.locale.slice(0, 40);
}

function newRows(known: Map<string, VisitorState>): ReportRows {
  return {
    visitors: known,
    daily: new Map(),
    submissions: new Map(),
    stageEntries: [],
    promptKinds: new Map(),
    visitorDays: new Map(),
    pointsDays: new Map(),
  };
}

function addTouchpoint(rows: ReportRows, touchpoint: StoredTouchpoint, place: Place, state: VisitorState) {
  const { props, name, anonymousId } = touchpoint;
  bumpDaily(rows, place, '', 'touchpoints', '');
  const promptId = text(props.promptId) ? props.promptId : null;
  if (promptId && name.startsWith('$prompt_') && text(props.kind)) rows.promptKinds.set(promptId, props.kind);
  if (promptId && name === RESERVED.promptShown) bumpDaily(rows, place, promptId, 'shown', '');
  if (promptId && name === RESERVED.promptShown && text(props.variant)) bumpDaily(rows, place, promptId, 'variant_shown', props.variant);
  if (promptId && name === RESERVED.promptDismissed) bumpDaily(rows, place, promptId, 'dismissed', text(props.reason) ? props.reason : '');
  if (promptId && name === RESERVED.promptAnswered && text(props.submissionId)) addSubmission(rows, submissionOf(touchpoint, place));
  if (name === RESERVED.points || name === RESERVED.tier) addPoints(rows, touchpoint, place);
  if (name === RESERVED.stage) {
    const to = text(props.to) ? props.to : '';
    bumpDaily(rows, place, '', 'move', to);
    state.stage = to;
    if (to)
      rows.stageEntries.push({
        anonymousId,
        stage: to,
        enteredAt: touchpoint.ts,
        day: place.day,
        writeKey: place.writeKey,
        device: place.device,
        locale: place.locale,
      });
  }
  // Keyed like the table's primary key, so batches of several days or write keys stay apart.
  const dayKey = JSON.stringify([place.day, place.writeKey, anonymousId]);
  const dayRow = rows.visitorDays.get(dayKey) ?? { ...place, anonymousId, touchpoints: 0 };
  dayRow.touchpoints++;
  dayRow.stage = state.stage;
  rows.visitorDays.set(dayKey, dayRow);
}

/**
 * The roll-up rows of committed batches, walked in the order they were sent: each touchpoint
 * counts under the stage its visitor was in just before it, so an answer given in
 * "decision" stays a decision answer after the purchase that follows it.
 */
export function rollUp(batches: Batch[], known: Map<string, VisitorState>): ReportRows {
  const rows = newRows(known);
  for (const { touchpoints, meta } of batches) {
    const { writeKey, receivedAt } = meta;
    const day = receivedAt.toISOString().slice(0, 10);
    for (const touchpoint of touchpoints) {
      const state = known.get(touchpoint.anonymousId) ?? { device: '', locale: '', stage: '', firstSeen: receivedAt.toISOString() };
      known.set(touchpoint.anonymousId, state);
      noteTraits(state, touchpoint.props);
      addTouchpoint(rows, touchpoint, { day, writeKey: writeKey ?? '', stage: state.stage, device: state.device, locale: state.locale }, state);
    }
  }
  return rows;
}
