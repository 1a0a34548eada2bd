/** Entry of the one-file element build (dist/hns-viz.js): defines `<hns-viz>`. */
import { defineHnsViz } from './hns-viz-element';

export { HnsVizElement } from './hns-viz-element';
defineHnsViz();
