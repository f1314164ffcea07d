import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ScrollRegion } from './scroll-region.tsx';

describe('ScrollRegion', () => {
  it('is a region named like its table, reached with the Tab key (to scroll it by keyboard)', async () => {
    render(
      <>
        <h2 id="obs-title">Observations this session</h2>
        <ScrollRegion labelledBy="obs-title">
          <table aria-labelledby="obs-title" />
        </ScrollRegion>
        <ScrollRegion className="history-scroll" label="Liver tests">
          <table aria-label="Liver tests" />
        </ScrollRegion>
      </>,
    );
    const observations = screen.getByRole('region', { name: 'Observations this session' });
    const liver = screen.getByRole('region', { name: 'Liver tests' });
    expect(observations).toHaveClass('table-scroll');
    expect(liver).toHaveClass('history-scroll');
    const user = userEvent.setup();
    await user.tab();
    expect(observations).toHaveFocus();
    await user.tab();
    expect(liver).toHaveFocus();
  });
});
