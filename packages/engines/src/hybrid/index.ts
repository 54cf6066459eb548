/** Engine composition per role: hybrid and fallback triage and engines, and runtime selection. */
export { createHybridTriager, createFallbackTriager, type HybridTriagerOptions } from './triager.js';
export { createFallbackEngine, createHybridEngine, type FallbackEngineOptions, type HybridEngineOptions, type FallbackListener } from './engine.js';
export { createEnginesFromEnvironment, createTriagerFromConfig, resolveTriageConfig, type EnginesFromEnvironmentOptions, type DeskEngines, type ResolveTriageConfigOptions, type SelectedTriager, type TriagerFromConfigOptions } from './factory.js';
