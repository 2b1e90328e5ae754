// The anchor of the personal-ranking evaluation: arxiv-sanity-lite's per-user SVM. Its tf-idf (title, abstract and
// author names; 1-2 grams, 20k features, sublinear tf, min_df 5, max_df 0.1: ARXIV_SANITY_OPTIONS) is fitted on the
// catalogue; one linear SVM per reader (C = 0.01, balanced classes, squared hinge, as its LinearSVC) learns the
// library against every other catalogue paper, and its decision values order the feed.
import type { PaperText, TfidfVectorizer } from '../core/categories/tfidf.ts';
import { normalizeArxivId } from '../core/identity/paperKey.ts';
import { decisionValue, trainLinearSvm, type SvmOptions } from '../core/personal/linearSvm.ts';
import { fitTfidf, type CsrMatrix } from '../training/tfidfFitting.ts';
import { ARXIV_SANITY_OPTIONS } from './tfidfBaseline.ts';

/**
 * arxiv-sanity-lite: svm.LinearSVC(class_weight='balanced', C=0.01, tol=1e-6, max_iter=10000). The tolerance here is
 * liblinear's own default for this solver (0.1, on the dual's projected-gradient spread): 1e-6 takes seconds per reader
 * over 70k papers; scripts/tune-personal.ts compares 0.1 with 0.01 on validation readers (docs/QUALITY.md).
 */
export const ANCHOR_SVM: Partial<SvmOptions> = { c: 0.01, loss: 'squaredHinge', balanced: true, tolerance: 0.1, maxEpochs: 1000, seed: 1, biasFeature: 1 };

export class SvmAnchor {
  private readonly vectorizer: TfidfVectorizer;
  private readonly matrix: CsrMatrix;
  private readonly rowOfId = new Map<string, number>();

  /** Fits the tf-idf on the catalogue papers (those with an arXiv id are the ones a library can name). */
  constructor(
    catalogue: ReadonlyArray<PaperText & { arxivId?: string }>,
    private readonly svm: Partial<SvmOptions> = ANCHOR_SVM,
  ) {
    const fitted = fitTfidf(catalogue, ARXIV_SANITY_OPTIONS);
    this.vectorizer = fitted.vectorizer;
    this.matrix = fitted.matrix;
    catalogue.forEach((p, i) => {
      if (p.arxivId) this.rowOfId.set(normalizeArxivId(p.arxivId) ?? p.arxivId, i);
    });
  }

  /** The feed's decision values for a reader whose library is these arXiv ids (ids not in the catalogue are skipped). */
  score(library: readonly string[], feed: readonly PaperText[], svm: Partial<SvmOptions> = this.svm): number[] {
    const labels = new Int8Array(this.matrix.rows).fill(-1);
    let found = 0;
    for (const id of library) {
      const row = this.rowOfId.get(normalizeArxivId(id) ?? id);
      if (row !== undefined && labels[row] !== 1) {
        labels[row] = 1;
        found++;
      }
    }
    if (!found) return feed.map(() => 0);
    const model = trainLinearSvm(this.matrix, this.vectorizer.terms.length, labels, svm);
    return feed.map((p) => {
      const row = this.vectorizer.vector(p);
      return decisionValue(model, row.ids, row.values);
    });
  }
}
