/** Types of server-build.mjs (plain JavaScript: it runs before anything is compiled). */
export declare const ROOT: string;

export interface BuildSpec {
  /** Entry files, relative to the repository root. */
  entries: string[];
  /** Directories whose files the entries are made of (the build's digest covers them). */
  inputs: string[];
  /** Where builds are kept, relative to the repository root. */
  outRoot: string;
}

/** Each entry's compiled file, by entry; built when this exact source has not been built yet. */
export declare function serverBuild(spec: BuildSpec): Promise<Record<string, string>>;
