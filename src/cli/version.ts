/** The package version, inlined into the built CLI from package.json. */
import { version } from '../../package.json';

export const VERSION: string = version;
