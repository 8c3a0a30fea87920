// Next.js regenerates the git-ignored next-env.d.ts during builds. These references let
// `tsc -p apps/web/tsconfig.json` run on a fresh checkout before any build has happened.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
/// <reference types="next/navigation-types/compat/navigation" />
