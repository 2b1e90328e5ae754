// The papers of the "for you" end-to-end test: a reader who saves five papers on serverless LLM inference (none in the
// seed catalogue), then a day's listing with three more on that subject and four on others.
import type { DemoEntry } from '../../src/cli/demoPage.ts';

const entry = (arxivId: string, title: string, authors: string[], categories: string[], abstract: string): DemoEntry => ({ arxivId, title, authors, categories, abstract });

/** Saved on the first day. */
export const SAVED: DemoEntry[] = [
  entry(
    '2612.70001',
    'Cold Start Aware Scheduling for Serverless LLM Inference',
    ['Grace Hopperton', 'Linus Cache'],
    ['cs.DC'],
    'Serverless inference of large language models suffers from cold starts when functions load model weights. We schedule requests across warm serverless functions and prefetch weights, cutting cold start latency for LLM inference.',
  ),
  entry(
    '2612.70002',
    'Elastic GPU Sharing for Serverless Large Language Model Serving',
    ['Grace Hopperton', 'Ada Elastic'],
    ['cs.DC', 'cs.LG'],
    'We share GPUs elastically between serverless functions serving large language models, so that serverless LLM serving scales to zero without long cold starts and keeps inference latency low.',
  ),
  entry(
    '2612.70003',
    'Serverless LoRA Adapters: Low Latency Inference for Many Fine-Tuned LLMs',
    ['Marta Lora', 'Grace Hopperton'],
    ['cs.DC'],
    'Serving many LoRA fine-tuned LLMs in a serverless cloud costs memory and cold start latency. We pack LoRA adapters onto shared serverless functions and reduce inference cost and latency.',
  ),
  entry(
    '2612.70004',
    'Where Serverless Cold Starts Come From in LLM Inference Pipelines',
    ['Linus Cache', 'Grace Hopperton'],
    ['cs.DC'],
    'We measure serverless cold starts in LLM inference pipelines on public clouds, attribute cold start latency to container, runtime and model loading, and show which serverless platforms keep inference fast.',
  ),
  entry(
    '2612.70005',
    'Cost Efficient Serverless Inference Serving with Model Weight Caching',
    ['Ada Elastic', 'Grace Hopperton'],
    ['cs.DC'],
    'Serverless inference serving pays for loading model weights on every cold start. A weight cache shared across serverless functions lowers the cost and latency of LLM inference serving in the cloud.',
  ),
];

/** On the second day's listing: more on the reader's subject. */
export const RELATED: DemoEntry[] = [
  entry(
    '2612.80001',
    'Predictive Prewarming of Serverless Functions for LLM Inference',
    ['Grace Hopperton', 'Nils Warm'],
    ['cs.DC'],
    'Cold starts dominate serverless LLM inference latency. We predict request bursts and prewarm serverless functions with model weights loaded, reducing cold start latency and inference cost.',
  ),
  entry(
    '2612.80002',
    'Serverless Inference of Large Language Models at the Edge',
    ['Linus Cache', 'Olga Edge'],
    ['cs.DC'],
    'We bring serverless inference of large language models to edge clouds, caching model weights across serverless functions to avoid cold starts and keep LLM serving latency low.',
  ),
  entry(
    '2612.80003',
    'Scaling Serverless LLM Serving to Zero with Fast Cold Starts',
    ['Ada Elastic', 'Piotr Scale'],
    ['cs.DC', 'cs.LG'],
    'Serverless LLM serving scales to zero to save cost, then pays cold start latency. We load model weights in parallel and cut cold starts for serverless inference of large language models.',
  ),
];

/** On the second day's listing: other subjects, by other authors. */
export const UNRELATED: DemoEntry[] = [
  entry(
    '2612.90001',
    'Grant-Free NOMA Transmission with Movable Antennas',
    ['Wen Antenna'],
    ['cs.IT'],
    'We design grant-free non-orthogonal multiple access transmission with movable antennas, choosing pre-configured SNR levels and spreading sequences for short-packet uplink.',
  ),
  entry(
    '2612.90002',
    'Zero-Shot Textured Mesh Reconstruction from Point Clouds',
    ['Pia Mesh'],
    ['cs.CV'],
    'We reconstruct textured meshes from colored 3D point clouds without training, using non-parametric point representations and continuous convolution for point cloud analysis.',
  ),
  entry(
    '2612.90003',
    'Logical Magic States in Non-Abelian Topological Order',
    ['Quinn Qubit'],
    ['quant-ph'],
    'We generate logical magic states with non-Abelian topological order and analyse their fidelity for fault-tolerant quantum computation.',
  ),
  entry(
    '2612.90004',
    'Efficient Text-to-Video Diffusion on Mobile Devices',
    ['Vera Video'],
    ['cs.CV'],
    'We characterize the latency and energy of text-to-video diffusion models and build an efficient text-to-video model that runs on mobile devices.',
  ),
];
