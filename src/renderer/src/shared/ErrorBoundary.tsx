import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * A rendering error shows where it happened and offers a way back, instead of a blank window.
 * (A class: React has no hook for this.)
 */
export class ErrorBoundary extends Component<{ children: ReactNode; label: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`callscope: ${this.props.label} failed to render`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="error boundary">
        <p>
          The {this.props.label} hit an error: {this.state.error.message}
        </p>
        <button type="button" className="button small" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
