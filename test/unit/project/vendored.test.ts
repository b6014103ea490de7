// Vendored and generated code: a table of real-looking paths and file headers (the SDK files
// Tencent's demo repositories check in: Tencent-RTC/TRTC_Web SDK/, LiteAVSDK/Live_WXMini static/,
// LiteAVSDK/TRTC_UniApp TrtcCloud/lib/, LiteAVSDK/TRTC_Unity Assets/TRTCSDK/SDK/), and the app
// files that must never be skipped.
import { strict as assert } from 'node:assert';
import { vendoredReason } from '../../../src/core/project/vendored';

/** Ordinary hand-written code: `lines` lines of about 40 characters. */
function appCode(lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(`  const value${i} = compute(${i}, options.size);`);
  return out.join('\n') + '\n';
}

/** Minified code: one statement after another, no line breaks. */
function minified(chars: number): string {
  const unit = 'function a(e,t){return e&&t?e.call(t):void 0};var b=a(1,2);';
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

function base64(chars: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let chunk = '';
  for (let i = 0; i < 4096; i++) chunk += alphabet[(i * 7 + (i >> 3)) % 64];
  return chunk.repeat(Math.ceil(chars / chunk.length)).slice(0, chars);
}

describe('vendoredReason: by path', () => {
  const skipped: Array<[path: string, code: string]> = [
    ['public/js/trtc.min.js', 'vendored.minified-name'],
    ['static/lib/vue.min.mjs', 'vendored.minified-name'],
    ['assets/app.bundle.js', 'vendored.minified-name'],
    ['SDK/plugins/cdn-streaming/cdn-streaming.umd.js', 'vendored.minified-name'],
    ['src/debug/lib-generate-test-usersig-es.min.js', 'vendored.minified-name'],
    ['public/assets/index-3f2a.js.map', 'vendored.source-map'],
    ['dist/index.js', 'vendored.build-output'],
    ['web/dist/assets/room.js', 'vendored.build-output'],
    ['android/app/build/generated/source/buildConfig/debug/BuildConfig.java', 'vendored.build-output'],
    ['out/extension.js', 'vendored.build-output'],
    ['unpackage/dist/dev/app-plus/app-service.js', 'vendored.build-output'],
    ['.dart_tool/flutter_build/dart_plugin_registrant.dart', 'vendored.build-output'],
    ['vendor/trtc/trtc.js', 'vendored.dependency'],
    ['third_party/webrtc/api/peer_connection.cc', 'vendored.dependency'],
    ['ios/Pods/TXLiteAVSDK_TRTC/TXLiteAVSDK_TRTC.framework/Headers/TRTCCloud.h', 'vendored.dependency'],
    ['nativeplugins/TRTCCloudUniPlugin/android/TRTCCloudUniPlugin.aar.js', 'vendored.dependency'],
    ['miniprogram_npm/trtc-wx-sdk/index.js', 'vendored.dependency'],
    ['node_modules/trtc-sdk-v5/trtc.js', 'vendored.dependency'],
    ['ios/.symlinks/plugins/tencent_trtc_cloud/ios/Classes/TencentTRTCCloud.m', 'vendored.dependency'],
    ['uni_modules/Tencent-TRTC/js_sdk/index.js', 'vendored.sdk-folder'],
    ['sdk/TXLiteAVSDK_TRTC_Android_12.0/demo/MainActivity.java', 'vendored.sdk-folder'],
    ['Frameworks/TXLiteAVSDK_TRTC.xcframework/ios-arm64/TXLiteAVSDK_TRTC.framework/Headers/TRTCCloud.h', 'vendored.sdk-folder'],
    ['TrtcCloud/lib/TrtcCloudImpl.js', 'vendored.sdk-folder'],
    ['Api-Example/TrtcCloud/lib/index.js', 'vendored.sdk-folder'],
    ['components/trtc-room/trtc-room.js', 'vendored.sdk-component'],
    ['components/trtc-room/template/grid/grid.wxml', 'vendored.sdk-component'],
    ['components/TUICalling/TRTCCalling/TRTCCalling.js', 'vendored.sdk-component'],
    ['SDK/trtc.js', 'vendored.sdk-file'],
    ['SDK/trtc.esm.js', 'vendored.sdk-file'],
    ['src/sdk/trtc.js', 'vendored.sdk-file'],
    ['libs/trtc.js', 'vendored.sdk-file'],
    ['static/trtc-wx.js', 'vendored.sdk-file'],
    ['utils/tim-wx.js', 'vendored.sdk-file'],
    ['components/calling/utils/tsignaling-wx.js', 'vendored.sdk-file'],
    ['lib/models/room.g.dart', 'vendored.generated'],
    ['lib/models/room.freezed.dart', 'vendored.generated'],
    ['lib/proto/room.pb.dart', 'vendored.generated'],
    ['lib/proto/room.pbenum.dart', 'vendored.generated'],
    ['server/proto/room.pb.go', 'vendored.generated'],
    ['server/proto/room_pb2.py', 'vendored.generated'],
    ['android/app/src/main/java/io/flutter/plugins/GeneratedPluginRegistrant.java', 'vendored.generated'],
    ['Windows/CSharpDemo/MainForm.Designer.cs', 'vendored.generated'],
    ['lib/generated/intl/messages_all.dart', 'vendored.generated'],
  ];
  for (const [path, code] of skipped) {
    it(`skips ${path} (${code}) before reading it`, () => {
      const r = vendoredReason(path, undefined);
      assert.ok(r, `${path} should be skipped`);
      assert.equal(r.code, code);
      assert.ok(r.text.en.length > 0 && r.text.zh.length > 0);
    });
  }

  const kept = [
    'src/dist-utils.ts',
    'src/build-config.ts',
    'src/outbound/call.ts',
    'src/vendors.ts',
    'android/app/build.gradle',
    'android/app/src/main/java/com/example/RoomActivity.java',
    'lib/main.dart',
    'lib/pages/room.dart',
    'src/lib/trtc.ts',
    'src/lib/trtc.js', // an app's own wrapper in lib/ (a Next.js habit): only sdk/ and libs/ hold the SDK
    'src/sdk/trtcClient.ts',
    'src/libs/trtc-helper.js',
    'src/utils/aegis.js', // Tencent's own Vue demo keeps its Aegis setup under this name
    'pages/room/room.wxml',
    'pages/room/room.js',
    'Windows/CSharpDemo/TXLiteAVVideoView.cs',
    'TRTC-Simple-Demo/Assets/TRTCSDK/Demo/TRTC/RoomSceneScript.cs',
    'src/builder/room.ts',
    'src/distance.ts',
  ];
  for (const path of kept) {
    it(`keeps ${path}`, () => {
      assert.equal(vendoredReason(path, undefined), undefined);
      assert.equal(vendoredReason(path, appCode(50)), undefined);
    });
  }

  it('accepts Windows separators and a leading ./', () => {
    assert.equal(vendoredReason('.\\web\\dist\\main.js', undefined)?.code, 'vendored.build-output');
    assert.equal(vendoredReason('./src/room.ts', undefined), undefined);
  });
});

describe('vendoredReason: by content', () => {
  const path = 'src/js/room.js'; // a neutral path: only the content decides
  const skipped: Array<[name: string, text: string, code: string, says?: string]> = [
    [
      'the Web SDK bundle (minified UMD, one line)',
      '!function(e,t){"object"==typeof exports&&"undefined"!=typeof module?module.exports=t():"function"==typeof ' +
        'define&&define.amd?define(t):(e="undefined"!=typeof globalThis?globalThis:e||self).TRTC=t()}(this,function(){' +
        minified(60_000) +
        '});',
      'vendored.bundle-header',
      'UMD',
    ],
    [
      'trtc-wx prettified by a formatter (spaced UMD)',
      "!function(e, t) {\n  'object' === typeof exports && 'undefined' !== typeof module ? module.exports = t() : 'function' === typeof define && " +
        'define.amd ? define(t) : (e = e || self).TIM = t()\n}(this, (function() {\n' +
        appCode(200) +
        '}));\n',
      'vendored.bundle-header',
    ],
    [
      'a rollup UMD preamble',
      "(function (global, factory) {\n  typeof exports === 'object' && typeof module !== 'undefined' ? module.exports = factory() :\n  typeof define === " +
        "'function' && define.amd ? define(factory) :\n  (global = global || self, global.TRTC = factory());\n}(this, (function () { 'use strict';\n" +
        appCode(100) +
        '})));\n',
      'vendored.bundle-header',
    ],
    ['a webpack license banner', '/*! For license information please see main.js.LICENSE.txt */\n' + appCode(20), 'vendored.bundle-header', 'webpack'],
    [
      'the webpack runtime',
      '/******/ (() => { // webpackBootstrap\n/******/ \tvar __webpack_modules__ = ({});\n/******/ \tfunction __webpack_require__(moduleId) {\n' + appCode(20),
      'vendored.bundle-header',
      'webpack',
    ],
    [
      'esbuild helpers',
      'var __defProp = Object.defineProperty;\nvar __getOwnPropNames = Object.getOwnPropertyNames;\n' + appCode(30),
      'vendored.bundle-header',
      'esbuild',
    ],
    [
      'TypeScript-compiled helpers (the uni-app SDK layer)',
      'var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {\n' + appCode(30),
      'vendored.bundle-header',
      'TypeScript',
    ],
    ['a compiled CommonJS module', '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n' + appCode(30), 'vendored.bundle-header'],
    [
      'the Aegis SDK, pretty-printed, with its release banner',
      '/**\n *  ====================================================================\n * @tencent/aegis-mp-sdk@1.34.75 (c) 2021 Tencent Application ' +
        'Monitor.\n * Released under the MIT License.\n **/\n' +
        appCode(700),
      'vendored.sdk-banner',
      '@tencent/aegis-mp-sdk@1.34.75',
    ],
    [
      'a TXLiteAVSDK header',
      '/**\n * Copyright (c) 2021 Tencent. All rights reserved.\n * Module:   TRTCCloud @ TXLiteAVSDK\n * Function: TRTC main interface\n * Version: ' +
        '<:Version:>\n */\n#import <Foundation/Foundation.h>\n' +
        appCode(40),
      'vendored.sdk-banner',
      'TRTCCloud @ TXLiteAVSDK',
    ],
    ['a Web SDK banner', '/*! TRTC Web SDK v5.18.3 | (c) Tencent Cloud */\n' + appCode(40), 'vendored.sdk-banner', 'TRTC'],
    ['a trtc-sdk-v5 package banner', '/**\n * trtc-sdk-v5 5.8.0\n * Copyright (c) 2024 Tencent\n */\n' + appCode(40), 'vendored.sdk-banner', 'trtc-sdk-v5'],
    [
      'an @tencentcloud package banner',
      '/*!\n * @tencentcloud/call-engine-js v3.0.1\n */\n' + appCode(40),
      'vendored.sdk-banner',
      '@tencentcloud/call-engine-js',
    ],
    [
      'a third-party library banner',
      '/*!\n * clipboard.js v2.0.10\n * https://clipboardjs.com/\n */\n' + appCode(40),
      'vendored.library-banner',
      'clipboard.js v2.0.10',
    ],
    ['one very long line of code', minified(48_000), 'vendored.minified', '48,000'],
    ['minified code wrapped at 1,000 columns', Array.from({ length: 40 }, () => minified(1000)).join('\n'), 'vendored.minified', 'average'],
    ['a single-line file ending with a source map comment', minified(3000) + '\n//# sourceMappingURL=room.js.map\n', 'vendored.compiled'],
    ['compiled output ending with a source map comment', appCode(60) + '//# sourceMappingURL=room.js.map', 'vendored.compiled'],
    ['a data-only file (an icon font as one line)', 'window._iconfont_svg_string_="' + base64(60_000) + '"', 'vendored.data'],
  ];
  for (const [name, text, code, says] of skipped) {
    it(`skips ${name}`, () => {
      assert.equal(vendoredReason(path, undefined), undefined, 'the path alone says nothing');
      const r = vendoredReason(path, text);
      assert.ok(r, `${name} should be skipped`);
      assert.equal(r.code, code, r.text.en);
      if (says) assert.ok(r.text.en.includes(says), r.text.en);
      assert.ok(r.text.zh.length > 0);
    });
  }

  it("skips the SDK's own implementation in an SDK folder by Tencent's copyright (Unity's Assets/TRTCSDK/SDK/)", () => {
    const text = '// Copyright (c) 2023 Tencent. All rights reserved.\n// Author: someone\n\nnamespace trtc {\n' + appCode(60) + '}\n';
    assert.equal(vendoredReason('Assets/TRTCSDK/SDK/Scripts/Implement/TRTC/TRTCCloudImplement.cs', text)?.code, 'vendored.sdk-file');
    // The same banner on Tencent's demo code outside the SDK folder is app code (the fixtures are modelled on it).
    assert.equal(vendoredReason('Assets/TRTCSDK/Demo/TRTC/RoomSceneScript.cs', text), undefined);
    assert.equal(
      vendoredReason('TRTC-API-Example-OC/Basic/VideoCall/VideoCallingViewController.m', '//  Copyright © 2021 Tencent. All rights reserved.\n' + appCode(80)),
      undefined,
    );
  });

  const kept: Array<[name: string, text: string]> = [
    ['an app file importing trtc-sdk-v5', "import TRTC from 'trtc-sdk-v5';\nimport { ref } from 'vue';\n\n" + appCode(80)],
    [
      'an app file whose first comment names the SDK (a note, not a banner)',
      '// Room page: joins with trtc-sdk-v5 and publishes the camera.\n' + "import TRTC from 'trtc-sdk-v5';\n" + appCode(80),
    ],
    ['an app file that names @tencentcloud packages in code', "import TUICallKit from '@tencentcloud/call-uikit-vue';\n" + appCode(40)],
    ['a file with one long base64 line among normal code', appCode(30) + `const logo = 'data:image/png;base64,${base64(120_000)}';\n` + appCode(30)],
    ['a file with one long minified snippet among a lot of code', appCode(400) + minified(6000) + '\n' + appCode(400)],
    [
      'a build.gradle',
      "plugins {\n    id 'com.android.application'\n}\n\nandroid {\n    compileSdk 34\n}\n\ndependencies {\n    implementation " +
        "'com.tencent.liteav:LiteAVSDK_TRTC:latest.release'\n}\n",
    ],
    ['an app file mentioning webpackChunkName', 'const Room = () => import(/* webpackChunkName: "room" */ \'./Room.vue\');\n' + appCode(40)],
    ['a short file with long-ish lines', 'const a = 1;\n'.repeat(3) + 'x'.repeat(400) + '\n'],
    ['an empty file', ''],
  ];
  for (const [name, text] of kept) {
    it(`keeps ${name}`, () => {
      assert.equal(vendoredReason(path, text), undefined);
    });
  }

  it('decides a 5 MB single-line file quickly and never throws on odd input', () => {
    const big = minified(5 * 1024 * 1024);
    const r = vendoredReason('src/app.js', big);
    assert.equal(r?.code, 'vendored.minified');
    assert.ok(r.text.en.includes('5,242,880'), r.text.en);
    const blob = base64(5 * 1024 * 1024);
    assert.equal(vendoredReason('src/blob.js', blob)?.code, 'vendored.data');
    // Unterminated comments, lone markers, CR-only text, non-strings.
    assert.equal(vendoredReason('src/a.js', '/*'), undefined);
    assert.equal(vendoredReason('src/a.js', '/*!'), undefined);
    assert.equal(vendoredReason('src/a.js', '\r\r\r'), undefined);
    assert.equal(vendoredReason(undefined as unknown as string, 'x'), undefined);
    assert.equal(vendoredReason('', undefined), undefined);
  });
});
