/** Triage evaluation and benchmark: datasets, metrics, train/test and cross-validation, reports, bench. */
export { OOS_LABEL, predictionLabel, trainingExamples, type LabeledText } from './labels.js';
export { TRIAGE_DATA_FORMATS, loadTriageData, readTriageRows, type LoadTriageDataOptions, type ReadTriageRowsOptions, type TriageData, type TriageDataFormat } from './dataset.js';
export { computeTriageMetrics, type ConfusionMatrix, type LabelScores, type TriageMetrics } from './metrics.js';
export { stratifiedFolds } from './folds.js';
export {
  CLINC150_OUT_OF_SCOPE_PRIOR,
  DECLARED_OUT_OF_SCOPE_PRIOR,
  crossValidateTriage,
  evaluateTriage,
  outOfScopePriorFor,
  type CrossValidateTriageOptions,
  type EvaluateTriageOptions,
  type TriageClassifier,
  type TriageEvalReport,
  type TriageEvaluation,
  type TriagePrediction,
  type TriageTrainer,
} from './evaluate.js';
export { writeTriageReport, type WriteTriageReportOptions } from './report/write.js';
export { renderConfusionSvg, type ConfusionSvgOptions } from './report/confusion-svg.js';
export { renderConfidenceSvg, type ConfidenceHistogramInput } from './report/histogram-svg.js';
export { benchTriage, benchTriageTraining, type BenchClassifier, type BenchTriageOptions, type TriageBenchReport, type TriageTrainingBench } from './bench.js';
