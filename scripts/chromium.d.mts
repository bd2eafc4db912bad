export declare const CHROMIUM_HELP: string;
export declare const chromiumArgs: string[];
export declare function chromiumPath(): string;
