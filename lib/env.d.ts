interface ImportMetaEnv {
  /** True only in the test build (RTR_TEST=1): the fake engine stands in for WebLLM. */
  readonly RTR_FAKE_ENGINE?: boolean;
  /** True in the Firefox build: no WebLLM (the offline analyser only). */
  readonly RTR_NO_WEBLLM?: boolean;
  /** Test builds only: the least time between two refresh requests (production: REQUEST_GAP_MS, 2 s). */
  readonly RTR_REFRESH_GAP_MS?: number;
}
