export { CreateMeterParams, createMeter } from './createMeter';
export { deleteMeter } from './deleteMeter';
export { ListMetersParams, listMeters, MeterList } from './listMeters';
export { Meter, type MeterTier } from './Meter';
export { retrieveMeter } from './retrieveMeter';
export { Tiers } from './Tiers';
export { UpdateMeterParams, updateMeter } from './updateMeter';
