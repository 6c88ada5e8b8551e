export { downloadBlob, downloadText } from './download';
export { escapeFoldedName, exportFolded } from './folded';
export { exportJson } from './json';
export { exportPng, exportSvg, renderPng, serializeSvg } from './svg';
