import { Component, type ReactNode } from 'react';
import { EmptyState } from '../ui/EmptyState';
import { AlertIcon } from '../ui/icons';

/** A screen that throws shows what happened instead of blanking the whole window. */
export class ScreenBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <EmptyState
        icon={<AlertIcon size={28} />}
        title="This screen ran into a problem"
        actions={
          <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        }
      >
        <p>{this.state.error.message}</p>
      </EmptyState>
    );
  }
}
