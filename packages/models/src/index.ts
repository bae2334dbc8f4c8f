export { listModels, ModelList } from './listModels';
export { Model } from './Model';
