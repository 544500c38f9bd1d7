/**
 * Backprop Studio engine — the public API. Pure TypeScript (no DOM, no Node, no Electron), so the
 * same code runs in the Electron utility process, a Web Worker and plain Node.
 *
 * - graph: the graph JSON (DESIGN §2), its one set of validation rules, and compilation to a plan
 * - nn: the network (forward, loss, backward on Float64Arrays), parameters, inspection, gradient check
 * - math: activations, losses and the reference matrix kernels
 * Other areas append their exports below, grouped by area, as plain `export … from` lines.
 */

// graph
export * from './graph/types'
export { GraphError, GRAPH_ISSUE_CODES, type GraphIssue, type GraphIssueCode } from './graph/errors'
export {
  validateGraph,
  assertValidGraph,
  canConnect,
  connectRefusal,
  CONNECT_REFUSAL_CODES,
  type ConnectRefusal,
  type ConnectRefusalCode,
  nodeLabel,
  MAX_UNITS,
  type ValidateOptions
} from './graph/validate'
export { parseGraph } from './graph/parse'
export { graphShapeSchema, graphFileSchema } from './graph/schema'
export {
  EDGE_RULES,
  brokenEdgeRules,
  type EdgeRule,
  type EdgeRuleContext,
  type EdgeEnds
} from './graph/rules/edges'
export {
  compileGraph,
  INPUT,
  type ExecutionPlan,
  type PlanLayer,
  type PlanEdge,
  type PlanSkip
} from './graph/compile'

// nn
export type * from './nn/types'
export {
  createNetwork,
  DEFAULT_INIT,
  DEFAULT_SEED,
  SATURATION_THRESHOLD,
  type NetworkOptions
} from './nn/network'
export { ParameterError, parametersToMap, parametersFromMap } from './nn/parameters'
export { initializeParameters, SMALL_UNIFORM_LIMIT } from './nn/init'
export {
  inspect,
  DELTA_RULES,
  type Inspection,
  type LayerInspection,
  type Contribution,
  type EdgeGradient,
  type DeltaRule
} from './nn/inspect'
export {
  gradientCheck,
  GRADCHECK_FLOOR,
  GRADCHECK_TOLERANCE,
  type GradientCheckOptions,
  type GradientCheckResult,
  type EdgeCheck
} from './nn/gradcheck'

// math
export {
  activateForward,
  softmaxRows,
  softmaxBackward,
  sigmoid,
  softplus,
  DEFAULT_LEAK
} from './math/activations'
export {
  lossSum,
  lossGradient,
  fusedLossSum,
  fusedDelta,
  isFusedPair,
  CLIP,
  DEFAULT_HUBER_DELTA
} from './math/losses'
export { matmulTransB, matmulAccumulate, matmulTransA, columnSums } from './math/matmul'

// randomness
export { createRng, type Rng } from './random'

// bounded downsampling: the one stride-doubling downsampler (charts, progress events, loss history)
export { MeanSeries, SampledHistory, StrideBuckets } from './strideBuckets'

// protocol: the engine's messages, server and client (one API over MessagePort, Worker or child process)
export {
  PROTOCOL_VERSION,
  ENGINE_VERSION,
  type EngineCommands,
  type EngineEvents,
  type CommandType,
  type PayloadOf,
  type ResultOf,
  type EventName,
  type EventOf,
  type HelloResult,
  type RequestId,
  type EngineRequest,
  type EngineReply,
  type EngineEvent,
  type EngineMessage
} from './protocol/messages'
export {
  ERROR_FAMILIES,
  ProtocolError,
  PROTOCOL_ERROR_CODES,
  type ProtocolErrorCode,
  type ProtocolErrorInfo
} from './protocol/errors'
export {
  serveEngine,
  defineCommand,
  type Command,
  type CommandTable,
  type CommandTableFactory,
  type Connection,
  type EngineServer
} from './protocol/server'
export {
  createEngineClient,
  EngineRequestError,
  type EngineClient,
  type ClientOptions,
  type RequestOptions
} from './protocol/client'
export { portFromMessagePort, portFromWorker, portFromWorkerScope, type PortLike } from './protocol/port'
export { engineCommands } from './protocol/commands'
export type {
  TrainEventData,
  TrainStartResult,
  SessionStatus,
  InspectResult,
  GradcheckResult
} from './protocol/handlers/train'

// model: the data workspace, the current model, its loss history; building a network for data
export { createWorkspace, type Workspace, type Model } from './model/workspace'
export { ModelError, MODEL_ERROR_CODES, type ModelErrorCode } from './model/errors'
export { LossHistory, LOSS_HISTORY_POINTS } from './model/lossHistory'
export { networkForData, sameParameterLayout } from './model/network'
export { createDataModel, type DataModel, type DataSummary, type ImportedWeights } from './model/data'
export { createTrainingModel, type TrainingModel, type TrainingOptions } from './model/training'

// schema: the one schema library (zod) and its error with the field path
export { SchemaError, parseWith } from './schema'

// supervision of an engine process (Electron main and the Node tests)
export {
  createSupervisor,
  decideRestart,
  defaultRestartPolicy,
  systemClock,
  type Supervisor,
  type SupervisorOptions,
  type SupervisorState,
  type SupervisorStatus,
  type SupervisedProcess,
  type RestartPolicy,
  type RestartDecision,
  type Clock
} from './hosts/supervisor'

// training: settings, optimisers, the trainer loop and the time-sliced session controller
export * from './train/types'
export {
  defaultTrainSettings,
  resolveTrainSettings,
  TrainSettingsError,
  type TrainSettingsInput
} from './train/settings'
export {
  TRAIN_SETTING_FIELDS,
  ruleText,
  trainSettingsSchema,
  trainSettingsInputSchema,
  type TrainSettingField
} from './train/settingsSchema'
export { scheduleFactor } from './train/schedule'
export { createOptimizer, type Optimizer, type OptimizerSettings, type ParamSet } from './train/optim'
export {
  createTrainer,
  trainToEnd,
  allFinite,
  type Trainer,
  type TrainerOptions,
  type StepResult,
  type DoneInfo,
  type RestorePoint,
  RESTORE_POINTS,
  DEFAULT_TRAIN_METRIC_ROWS,
  DIVERGENCE_FACTOR
} from './train/trainer'
export {
  evaluateSet,
  strideSample,
  countCorrect,
  argmaxRow,
  isClassification,
  EVAL_CHUNK_ROWS
} from './train/metrics'
export { histogramCounts, histogramEdges, type HistogramCounts } from './histogram'
export { parameterHistograms, sliceHistogram, HISTOGRAM_BINS } from './train/histogram'
export {
  createSession,
  DEFAULT_SLICE_MS,
  DEFAULT_PROGRESS_MS,
  type TrainingSession,
  type SessionOptions,
  type StepUnit,
  STEP_UNITS
} from './train/session'

// data and weights: profile and prepare a table, encode rows, the weights file, predictions
export {
  profileTable,
  columnKind,
  prepareData,
  splitRows,
  summarizePreprocessing,
  lossFor,
  encodeRows,
  decodeOutputs,
  decodeRows,
  encodeTableFeatures,
  inputWidthOf,
  outputWidthOf,
  COLUMN_ROLES,
  COLUMN_TYPES,
  NORMALIZATIONS,
  MISSING_POLICIES,
  BINARY_TARGET_ENCODINGS,
  TYPE_OVERRIDES,
  DEFAULT_VALIDATION_SPLIT,
  MAX_VALIDATION_SPLIT,
  type Preprocessing,
  type FeatureEncoding,
  type TargetEncoding,
  type ColumnSummary,
  type ColumnType,
  type ColumnRole,
  type DataProfile,
  type PrepareRequest,
  type PreparedData,
  type PreparedSummary,
  type Prediction,
  type DataNotice,
  type Normalization,
  type MissingPolicy,
  type BinaryTargetEncoding
} from './data/preprocess'
export { encodeTableTargets, columnNumbers, columnCategories } from './data/encode'
export {
  buildWeightsFile,
  parseWeightsFile,
  WeightsError,
  WEIGHTS_ERROR_CODES,
  type WeightsInput
} from './weights/file'
export { gridCentres, type BoundaryInput, type EvaluatedSplit } from './weights/boundary'
export { weightsFileSchema, weightsJsonSchema } from './weights/schema'
export { WEIGHTS_FORMAT, WEIGHTS_VERSION, type WeightsFile, type TrainingSummary } from './weights/types'
export {
  forwardAll,
  predictRows,
  predictCsv,
  predictionColumns,
  evaluateModel,
  type Evaluation
} from './weights/predict'

// file names: what each file the app writes is called
export {
  WEIGHTS_EXTENSION,
  PROJECT_EXTENSION,
  projectFileName,
  weightsFileName,
  predictionsFileName,
  exportFileName,
  pytorchWeightsName,
  pytorchFolderName,
  type ModelExportFormat
} from './fileNames'

// export: ONNX and PyTorch (docs/outgrow.md)
export * from './export'

// the project file (the renderer writes and reads it; the format is checked here)
export {
  parseProjectFileJson,
  projectFileSchema,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  type ProjectFileData,
  type ProjectLayoutData,
  type ProjectModelData
} from './project/schema'

// Message parameters (issue 13: engine messages travel as a code plus parameters)
export { isMessageParams, type MessageParams, type MessageParamValue } from './messageParams'
export {
  DataError,
  DATA_ERROR_CODES,
  type DataErrorCode,
  type DataWarningCode,
  type DataWarning
} from './data/errors'
export { DATA_NOTICE_CODES, type DataNoticeCode } from './data/types'
