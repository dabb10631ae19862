export declare const CHROMIUM_ENV_VARS: readonly ["CHROME_PATH", "CHROMIUM_PATH", "PUPPETEER_EXECUTABLE_PATH"];
export declare const USUAL_PATHS: readonly string[];
