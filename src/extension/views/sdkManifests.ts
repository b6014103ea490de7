// Whether a workspace is a TRTC project, from the manifests that name its dependencies. VS Code's activation events
// cannot test a file's content (`workspaceContains:**/package.json` fires in every Node project), so after
// activation the extension reads these few files and stays quiet in a workspace none of them names a TRTC SDK in.
// Pure (no `vscode` import).

/** Manifest file names (a glob's last segment) that list an app's dependencies, one per ecosystem. */
export const MANIFEST_NAMES = [
  'package.json',
  'build.gradle',
  'build.gradle.kts',
  'Podfile',
  'pubspec.yaml',
  '*.csproj',
  'manifest.json',
  'go.mod',
  'requirements.txt',
] as const;

/** Whether a file name is one of the manifests. */
export function isManifestName(name: string): boolean {
  return name.endsWith('.csproj') ? name.length > '.csproj'.length : (MANIFEST_NAMES as readonly string[]).includes(name);
}

/** The manifests at a workspace folder's root and one level down (where apps keep them: `web/`, `app/`, `ios/`). */
export const MANIFEST_GLOB = `{${MANIFEST_NAMES.flatMap((n) => [n, `*/${n}`]).join(',')}}`;

/**
 * Package names of the TRTC SDKs and UI kits, and of the server SDKs that call TRTC's REST API, as manifests spell
 * them (npm, Gradle coordinates, CocoaPods, pub, NuGet, uni-app plugins, Go modules, PyPI).
 */
const SDK_NAMES = [
  String.raw`trtc-sdk-v5`,
  String.raw`trtc-js-sdk`,
  String.raw`trtc-electron-sdk`,
  String.raw`trtc-react-native`,
  String.raw`react-native-trtc`,
  String.raw`trtc-wx-sdk`,
  String.raw`trtc-cloud-js-sdk`,
  String.raw`tencent_trtc_cloud`,
  String.raw`(?:tx)?liteavsdk[\w-]*`,
  String.raw`com\.tencent\.liteav`,
  String.raw`trtccloud`,
  String.raw`tencentcloud-trtc`,
  String.raw`@tencentcloud\/(?:tuiroom[\w-]*|roomkit[\w-]*|call-uikit[\w-]*)`,
  String.raw`tuicallkit[\w-]*`,
  String.raw`tuiroomkit[\w-]*`,
  String.raw`tencent_calls_uikit`,
  String.raw`tencent_conference_uikit`,
  String.raw`tencentcloud-sdk-(?:nodejs|python|go|java|php|dotnet|cpp)[\w-]*`,
  String.raw`github\.com\/tencentcloud\/tencentcloud-sdk-go[\w/.-]*`,
];
const SDK_NAME = new RegExp(String.raw`(?:^|[^\w-])(${SDK_NAMES.join('|')})(?![\w])`, 'i');

/** At most this much of a manifest is read: real ones are small; a huge file is not worth scanning at startup. */
export const MAX_MANIFEST_BYTES = 512 * 1024;

/** The first TRTC SDK package a manifest names, or undefined. */
export function sdkNamedIn(text: string): string | undefined {
  const m = SDK_NAME.exec(text.length > MAX_MANIFEST_BYTES ? text.slice(0, MAX_MANIFEST_BYTES) : text);
  return m?.[1];
}
