// Keeps the user's taxonomy in use: applies edits, gives each catalogue index its topics under them, re-tags in slices.
import type { CatalogueIndex } from '../core/catalogue/catalogueIndex.ts';
import { BUILT_IN_REVISION, newTopicId, taggingRevision, TaxonomyEditError, type EffectiveTaxonomy, type TaxonomyEdit } from '../core/topics/editedTaxonomy.ts';
import { CatalogueRetagger, grownOverlay, overlayDone, TaxonomyTags, type TopicOverlay } from '../core/topics/overlay.ts';
import { LayeredCatalogue } from '../core/catalogue/layered.ts';
import { RETAG_SECTIONS, TEXT_SECTIONS } from '../core/catalogue/sectionGroups.ts';
import type { PaperRef } from '../core/paper.ts';
import type { CatalogueDatabase, UserDatabase } from '../db/database.ts';
import { addTaxonomyEdit, dropTopicOverlays, loadTopicOverlay, resetTaxonomyEdits, retagSavedPapers, storedTaxonomy, storeTopicOverlay } from '../db/taxonomyStore.ts';
import { storedTaxonomyEditCheck, type RetagStatus, type TaxonomyEditRequest, type TaxonomyState } from '../messaging/shapes.ts';
import { InvalidRequest } from '../messaging/validate.ts';
import type { CatalogueService } from './catalogueService.ts';

/** Re-tag for at most this long before letting the worker answer messages. */
const SLICE_MS = 12;
/** A browser stops a worker idle for 30 s; a long re-tag calls an extension API this often to count as busy. */
const KEEP_ALIVE_MS = 10_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Tags for a saved paper under `index`, its titles and authors loaded first (a saved paper may match by a cut title). */
async function textFor(index: CatalogueIndex): Promise<(ref: PaperRef) => ReturnType<CatalogueIndex['tagsFor']>> {
  await index.ensureSections(TEXT_SECTIONS);
  return (ref) => index.tagsFor(ref);
}

interface Loaded {
  taxonomy: EffectiveTaxonomy;
  editCount: number;
  revision: number;
  /** What tagging depends on: equal to BUILT_IN_REVISION when only labels or descriptions changed. */
  tagging: string;
}

interface RetagJob {
  key: string;
  stop: boolean;
}

type CatalogueSource = Pick<CatalogueService, 'index'> & Partial<Pick<CatalogueService, 'prepareWith'>>;

export class TaxonomyService {
  private loaded: Promise<Loaded> | undefined;
  private status: RetagStatus = { state: 'idle', done: 0, total: 0, changed: 0, saved: 0 };
  /** The running re-tag: replaced (and so stopped) by a newer edit or catalogue; `stop` is the user's stop. */
  private job: RetagJob | undefined;
  /** The index answering now: a re-tag that finishes gives its result to this one (an import may have replaced it). */
  private current: CatalogueIndex | undefined;

  constructor(
    private readonly userDb: UserDatabase,
    /** Where the re-tagged catalogue topics are kept (derived from the catalogue, so they live beside it). */
    private readonly catalogueDb: CatalogueDatabase,
    private readonly catalogue: CatalogueSource,
    /** Tells open tabs to ask for their papers' tags again. */
    private readonly notifyTabs: () => Promise<void>,
    /** Any cheap extension API call: keeps the worker alive through a long re-tag. */
    private readonly keepAlive: () => Promise<unknown> = async () => undefined,
  ) {
    // Every index the worker builds (on wake, after an import) gets the user's taxonomy before it answers anything.
    // Should reading the edits fail, papers are tagged with the built-in taxonomy rather than not at all.
    catalogue.prepareWith?.((index) =>
      this.attach(index, false).catch((error) => {
        this.loaded = undefined;
        console.error('paperscope: the edited taxonomy could not be applied', error);
      }),
    );
  }

  private load(): Promise<Loaded> {
    if (this.loaded) return this.loaded;
    const loading = storedTaxonomy(this.userDb, storedTaxonomyEditCheck).then((stored) => ({
      taxonomy: stored.taxonomy,
      editCount: stored.edits.length,
      revision: stored.revision,
      tagging: taggingRevision(stored.taxonomy.topics),
    }));
    this.loaded = loading;
    // A failed read (a full disk) is tried again next time, not kept for the worker's life.
    loading.catch(() => {
      if (this.loaded === loading) this.loaded = undefined;
    });
    return loading;
  }

  /** Forget the loaded edits (a backup was restored) and apply what is stored now. */
  async reload(): Promise<void> {
    this.loaded = undefined;
    await this.attach(await this.catalogue.index(), true);
  }

  async state(): Promise<TaxonomyState> {
    // Building the index attaches the taxonomy, which starts a re-tag a stopped worker left unfinished.
    await this.catalogue.index();
    const { taxonomy, editCount, revision } = await this.load();
    return {
      topics: taxonomy.topics.map((t) => {
        const origin = taxonomy.origins.get(t.id);
        return {
          id: t.id,
          label: t.label,
          description: t.description,
          terms: [...t.terms],
          builtIn: origin?.builtIn ?? false,
          edited: origin?.edited ?? false,
          mergedFrom: origin?.mergedFrom ?? [],
        };
      }),
      editCount,
      revision,
      status: { ...this.status },
    };
  }

  retagStatus(): RetagStatus {
    return { ...this.status };
  }

  /**
   * Stops the running re-tag after its current slice and keeps what it did: those papers show their new topics, the
   * rest their catalogue topics renamed and merged, until resume(). Answers the status once stopped.
   */
  async stop(): Promise<RetagStatus> {
    const job = this.job;
    if (!job) return this.retagStatus();
    job.stop = true;
    await new Promise<void>((resolve) => this.stopped.push(resolve));
    return this.retagStatus();
  }

  /** Goes on with a stopped re-tag from the paper where it stopped (a stored partial overlay). */
  async resume(): Promise<RetagStatus> {
    const index = await this.catalogue.index();
    const loaded = await this.load();
    const key = `${index.data.version}|${loaded.tagging}`;
    if (this.job?.key === key) return this.retagStatus();
    const partial = await loadTopicOverlay(this.catalogueDb, index.data.version, loaded.tagging);
    if (!partial || overlayDone(partial) >= index.paperCount) return this.retagStatus();
    this.start(index, loaded, key, partial);
    return this.retagStatus();
  }

  /** Those waiting in stop() for the re-tag to stop. */
  private stopped: Array<() => void> = [];

  async edit(request: TaxonomyEditRequest): Promise<TaxonomyState> {
    const current = await this.load();
    let edit = request as TaxonomyEdit;
    if (request.op === 'add' && !request.id) {
      const t = current.taxonomy;
      edit = { ...request, id: newTopicId(request.label, (id) => t.origins.has(id) || t.aliases.has(id) || t.removed.has(id) || t.topics.some((x) => x.id === id)) };
    }
    let stored;
    try {
      stored = await addTaxonomyEdit(this.userDb, edit, storedTaxonomyEditCheck);
    } catch (error) {
      // The user's mistake, not a failure: answered as a refusal, nothing was written.
      if (error instanceof TaxonomyEditError) throw new InvalidRequest(error.message);
      throw error;
    }
    this.loaded = Promise.resolve({ taxonomy: stored.taxonomy, editCount: stored.edits.length, revision: stored.revision, tagging: taggingRevision(stored.taxonomy.topics) });
    await this.attach(await this.catalogue.index(), true);
    return this.state();
  }

  async reset(): Promise<TaxonomyState> {
    await resetTaxonomyEdits(this.userDb, storedTaxonomyEditCheck);
    this.loaded = undefined;
    await this.attach(await this.catalogue.index(), true);
    return this.state();
  }

  /**
   * Gives `index` the taxonomy's tags: at once when no re-tagging is needed (no edits, or only names and descriptions
   * changed) or a stored overlay fits, else the catalogue's own topics renamed and merged until a re-tag finishes.
   * `changed`: the taxonomy itself changed, so saved papers and open tabs must follow now.
   */
  async attach(index: CatalogueIndex, changed: boolean): Promise<void> {
    this.current = index;
    const loaded = await this.load();
    const version = index.data.version;
    const key = `${version}|${loaded.tagging}`;
    if (loaded.editCount === 0 || loaded.tagging === BUILT_IN_REVISION) {
      this.job = undefined;
      index.useTaxonomy(loaded.editCount === 0 ? undefined : new TaxonomyTags(loaded.taxonomy));
      if (changed) {
        // Only after an edit or reset: a waking worker does not write before its first answer.
        await dropTopicOverlays(this.catalogueDb);
        const saved = await retagSavedPapers(this.userDb, await textFor(index));
        this.status = { state: 'done', done: index.paperCount, total: index.paperCount, changed: 0, saved, ms: 0, relabelOnly: loaded.editCount > 0 };
        await this.notifyTabs();
      }
      return;
    }
    if (this.job?.key === key) {
      // The same re-tag is under way (the same catalogue indexed again): let it finish, and show the interim tags meanwhile.
      index.useTaxonomy(new TaxonomyTags(loaded.taxonomy));
      return;
    }
    const own = await loadTopicOverlay(this.catalogueDb, version, loaded.tagging);
    const grown = own ? undefined : await this.grownOverlay(index, loaded.tagging);
    if (grown && !grown.stopped) {
      // Papers were added on top of a re-tagged catalogue: only they are re-tagged.
      index.useTaxonomy(new TaxonomyTags(loaded.taxonomy, grown.overlay));
      if (changed) await this.notifyTabs();
      this.start(index, loaded, key, grown.overlay);
      return;
    }
    const overlay = own ?? grown?.overlay;
    if (overlay && overlayDone(overlay) >= index.paperCount) {
      this.job = undefined;
      index.useTaxonomy(new TaxonomyTags(loaded.taxonomy, overlay));
      if (changed) {
        const saved = await retagSavedPapers(this.userDb, await textFor(index));
        this.status = { state: 'done', done: index.paperCount, total: index.paperCount, changed: overlay.changed, saved, ms: 0 };
        await this.notifyTabs();
      }
      return;
    }
    if (overlay) {
      // The user stopped this re-tag: it waits for resume(), the papers it did showing their new topics.
      this.job = undefined;
      index.useTaxonomy(new TaxonomyTags(loaded.taxonomy, overlay));
      this.status = { state: 'stopped', done: overlayDone(overlay), total: index.paperCount, changed: overlay.changed, saved: 0 };
      if (changed) await this.notifyTabs();
      return;
    }
    // Until the re-tag is done: renames show, merged topics show as what they merged into, removed ones go.
    index.useTaxonomy(new TaxonomyTags(loaded.taxonomy));
    if (changed) await this.notifyTabs();
    this.start(index, loaded, key);
  }

  /**
   * The newest re-tag of a catalogue this one grew from by update layers (LayeredCatalogue.earlier), as a partial re-tag
   * of this one, stored so a resume finds it; `stopped` when the user had stopped that re-tag.
   */
  private async grownOverlay(index: CatalogueIndex, tagging: string): Promise<{ overlay: TopicOverlay; stopped: boolean } | undefined> {
    const earlier = index.data instanceof LayeredCatalogue ? index.data.earlier : [];
    for (let l = earlier.length - 1; l >= 0; l--) {
      const found = await loadTopicOverlay(this.catalogueDb, earlier[l]!.version, tagging);
      if (!found || found.perPaper !== index.data.header.topicsPerPaper) continue;
      const overlay = grownOverlay(found, index.data.version, index.paperCount);
      await storeTopicOverlay(this.catalogueDb, overlay).catch(() => undefined); // else found again on the next wake
      return { overlay, stopped: overlayDone(found) < earlier[l]!.paperCount };
    }
    return undefined;
  }

  private start(index: CatalogueIndex, loaded: Loaded, key: string, partial?: TopicOverlay): void {
    const job: RetagJob = { key, stop: false };
    this.job = job;
    this.status = { state: 'running', done: partial ? overlayDone(partial) : 0, total: index.paperCount, changed: 0, saved: 0 };
    void this.retag(index, loaded, job, partial).catch((error) => {
      if (this.job !== job) return;
      this.job = undefined;
      this.status = { ...this.status, state: 'failed', error: error instanceof Error ? error.message : String(error) };
      console.error('paperscope: re-tagging failed', error);
      this.wakeStopped();
    });
  }

  private wakeStopped(): void {
    for (const resolve of this.stopped.splice(0)) resolve();
  }

  private async retag(index: CatalogueIndex, loaded: Loaded, job: RetagJob, partial?: TopicOverlay): Promise<void> {
    const started = performance.now();
    await index.ensureSections(RETAG_SECTIONS);
    const retagger = new CatalogueRetagger(index.data, loaded.taxonomy, loaded.tagging);
    if (partial) retagger.resumeFrom(partial);
    this.status = { state: 'running', done: retagger.done, total: retagger.total, changed: 0, saved: 0 };
    // Start in a later task: the edit's answer goes out first.
    await nextTask();
    let lastKeepAlive = performance.now();
    while (this.job === job && !job.stop && !retagger.step(SLICE_MS)) {
      this.status = { ...this.status, done: retagger.done };
      if (performance.now() - lastKeepAlive > KEEP_ALIVE_MS) {
        lastKeepAlive = performance.now();
        void this.keepAlive().catch(() => undefined);
      }
      await nextTask();
    }
    if (this.job !== job) return this.wakeStopped(); // a newer edit or catalogue took over
    const stopped = job.stop && retagger.done < retagger.total;
    // What the user stopped shows for the papers it re-tagged, until resume().
    const overlay = stopped ? retagger.partial() : retagger.result();
    const target = await this.keep(index, loaded, job, overlay);
    if (!target) return;
    if (stopped) {
      this.status = { state: 'stopped', done: retagger.done, total: retagger.total, changed: overlay.changed, saved: 0 };
    } else {
      const saved = await retagSavedPapers(this.userDb, await textFor(target));
      this.status = { state: 'done', done: retagger.total, total: retagger.total, changed: overlay.changed, saved, ms: Math.round(performance.now() - started) };
    }
    this.wakeStopped();
    await this.notifyTabs();
  }

  /**
   * Stores a re-tag's overlay and gives it to the index answering now; undefined (and nothing given) when a newer edit or
   * catalogue took over meanwhile.
   */
  private async keep(index: CatalogueIndex, loaded: Loaded, job: RetagJob, overlay: TopicOverlay): Promise<CatalogueIndex | undefined> {
    // Kept so a waking worker need not re-tag; not keeping it (a nearly full disk) costs a re-tag later, nothing more.
    await storeTopicOverlay(this.catalogueDb, overlay).catch((error) => console.error('paperscope: the re-tagged topics could not be kept', error));
    if (this.job !== job) {
      this.wakeStopped();
      return undefined;
    }
    this.job = undefined;
    const target = this.current?.data.version === index.data.version ? this.current : index;
    target.useTaxonomy(new TaxonomyTags(loaded.taxonomy, overlay));
    return target;
  }
}
