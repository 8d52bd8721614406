import type { SurveyResume } from '../../widgets/contract.js';
import { surveyProgressKey } from '../storage/names.js';

/** The survey on screen in this tab: which display it is, where the visitor was, what they answered. */
export interface SurveyProgress extends SurveyResume {
  promptId: string;
  submissionId: string;
}

// Kept in sessionStorage, so a reload of this tab resumes the survey where the visitor was and
// another tab or a later session starts afresh. Storage that is full or blocked only loses the
// resume, never the answers (each was recorded when given).

export function saveProgress(namespace: string, progress: SurveyProgress): void {
  try {
    sessionStorage.setItem(surveyProgressKey(namespace), JSON.stringify(progress));
  } catch {
    // No resume on this device; the survey itself goes on.
  }
}

/** The saved progress, or null; the widget checks its path against the survey it shows. */
export function loadProgress(namespace: string): SurveyProgress | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(surveyProgressKey(namespace)) ?? 'null') as SurveyProgress | null;
    return typeof saved?.submissionId === 'string' && Array.isArray(saved.path) ? saved : null;
  } catch {
    return null;
  }
}

/** The survey ended (finished or dismissed): nothing to resume. One survey shows at a time in a tab. */
export function clearProgress(namespace: string): void {
  try {
    sessionStorage.removeItem(surveyProgressKey(namespace));
  } catch {
    // Nothing was saved where nothing can be read.
  }
}
