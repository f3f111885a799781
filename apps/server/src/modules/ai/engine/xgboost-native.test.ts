import { describe, expect, it } from 'vitest';
import { loadXGBoost, XGBoostUnavailableError } from './xgboost-native.js';

describe('loadXGBoost', () => {
  it('says exactly what to install when the library is missing', () => {
    let error: unknown;
    try {
      loadXGBoost('/nonexistent/libxgboost.so');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XGBoostUnavailableError);
    expect((error as Error).message).toMatch(/apt-get install libxgboost0/);
    expect((error as Error).message).toMatch(/no file at \/nonexistent\/libxgboost\.so/);
  });
});
