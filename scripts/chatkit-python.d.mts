export declare const CHATKIT_VERSION: string;
export declare const venvDir: string;
export declare const venvPython: string;
export declare function installedChatKitVersion(): string | null;
export declare function stampedChatKitVersion(): string | null;
export declare function setupChatKitPython(options?: { log?: (message: string) => void }): {
  installed: boolean;
};
