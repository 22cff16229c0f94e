export type { AnswerInput, AnswerValue } from './answering/answers.rules.js';
export { AnswerValueSchema, listSurveyForms, QuestionViewSchema } from './answering/question-view.js';
export { type AnswerOnBehalfInput, answerOnBehalf } from './answering/submit-answer.js';
export { type SurveyDemoInput, seedSurveysDemo } from './surveys.seed.js';
