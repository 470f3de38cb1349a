import { Component, type ReactNode } from 'react';

/**
 * One part of a page (stories, analysis, review): should it fail to render, it says so in its place and
 * the rest of the page goes on working.
 */
export class Guard extends Component<{ what: string; children: ReactNode }, { error?: string }> {
  override state: { error?: string } = {};

  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    return (
      <p role="alert" className="status error" data-testid="guard-error">
        {this.props.what} could not be shown ({this.state.error.slice(0, 200)}). The rest of this page works; reopen it to try again.
      </p>
    );
  }
}
