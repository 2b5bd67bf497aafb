/** Base path of the Word workbench page (shared by the server side and the browser bundles). */
export const WORD_WORKBENCH_PATH = '/workbench/word';
