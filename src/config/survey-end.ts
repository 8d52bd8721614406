/** Where a survey goes after an answer when it is done: a `next` target besides the question ids. */
export const SURVEY_END = 'end';
