// The curated topic taxonomy: research topics at the grain researchers use, each with the seed terms that signal it.

/** One research topic and the vocabulary that signals it in a title or abstract. */
export interface TopicDefinition {
  /** Stable kebab-case id. */
  id: string;
  label: string;
  /** One sentence saying what the topic covers. */
  description: string;
  /** Lowercase phrases specific to the topic; hyphens and spaces are interchangeable, plurals and -ed/-ing forms match. */
  terms: string[];
  /** Ids of built-in topics whose learned term weights this topic uses (a merged topic uses several); default [id]. */
  learnedFrom?: string[];
}

// Terms are chosen to be specific: a word that is ordinary in many fields ("model", "network", "latency") never
// appears alone. A term listed under several topics is ambiguous; the tagger credits it to whichever of those topics
// the rest of the text supports.

/** The taxonomy, grouped by field. Order only breaks ties between equal scores. */
export const TOPICS: readonly TopicDefinition[] = Object.freeze([
  // ── Machine-learning systems ──────────────────────────────────────────────────────────────────────────────────
  {
    id: 'llm-serving',
    label: 'LLM serving',
    description:
      'Systems that run large-language-model inference for many users: batching, scheduling, KV-cache management and the latency/throughput trade-off.',
    terms: [
      'llm serving', 'language model serving', 'serving large language model', 'serving llms', 'llm inference',
      'inference serving', 'model serving', 'serving system', 'serving throughput', 'serving framework',
      'continuous batching', 'pagedattention', 'paged attention', 'vllm', 'prefill', 'decode phase',
      'speculative decoding', 'time-to-first-token', 'ttft', 'tpot', 'goodput', 'serverless inference',
      'inference engine', 'model-as-a-service', 'lmaas',
    ],
  },
  {
    id: 'quantization',
    label: 'Quantization',
    description:
      'Representing neural-network weights, activations or caches with fewer bits to cut memory traffic and compute.',
    terms: [
      'quantization', 'quantized', 'quantize', 'low-bit', 'low-precision', 'mixed-precision', 'bit width',
      'int8', 'int4', '2-bit', '3-bit', '4-bit', '8-bit', 'binarized', 'binary neural network', 'ternary',
      'post-training quantization', 'quantization-aware training', 'qat', 'ptq', 'fixed-point', 'fp8', 'fp4',
      'gptq', 'awq',
    ],
  },
  {
    id: 'neural-architecture-search',
    label: 'Neural architecture search',
    description:
      'Automatically searching for neural-network architectures: differentiable, one-shot, evolutionary, zero-cost and hardware-aware search.',
    terms: [
      'neural architecture search', 'nas', 'architecture search', 'supernet', 'one-shot nas', 'differentiable nas',
      'darts', 'zero-cost proxy', 'zero-cost', 'nas-bench', 'hardware-aware nas', 'candidate architecture',
      'search space', 'proxylessnas', 'once-for-all', 'automl', 'evolutionary architecture search',
    ],
  },
  {
    id: 'memory-offloading',
    label: 'Memory offloading',
    description:
      'Training or serving models larger than accelerator memory by moving tensors to CPU memory, NVMe/SSD or other memory tiers.',
    terms: [
      'offload', 'offloading', 'memory offloading', 'cpu offloading', 'ssd offloading', 'nvme offloading',
      'cpu memory', 'host memory', 'nvme', 'ssd', 'heterogeneous memory', 'memory wall', 'swap', 'swapping',
      'gpu memory', 'memory capacity', 'out of memory', 'out-of-core', 'pinned memory', 'unified memory',
      'tiered memory', 'cxl', 'zero-offload', 'zero-infinity', 'virtualized memory',
    ],
  },
  {
    id: 'distributed-training',
    label: 'Distributed training',
    description:
      'Training models across many accelerators or machines with data, tensor, pipeline or sharded parallelism and efficient communication.',
    terms: [
      'distributed training', 'distributed deep learning', 'data parallelism', 'data parallel', 'model parallelism',
      'tensor parallelism', 'pipeline parallelism', 'fully sharded', 'fsdp', 'deepspeed', 'megatron', 'all-reduce',
      'collective communication', 'gradient synchronization', 'parameter server', 'decentralized training',
      'collaborative training', 'volunteer computing', 'llm training', 'language model training',
      'large model training', 'multi-gpu', 'gpu cluster', 'communication overhead', 'local sgd',
    ],
  },
  {
    id: 'mixture-of-experts',
    label: 'Mixture of experts',
    description:
      'Sparse expert models that route each token or input to a few experts, and how to train and serve them.',
    terms: [
      'mixture of experts', 'mixture-of-experts', 'moe', 'expert parallelism', 'expert routing', 'token routing',
      'gating network', 'top-k routing', 'sparse expert', 'expert router', 'switch transformer',
      'sparsely activated', 'expert parameters', 'load balancing loss',
    ],
  },
  {
    id: 'parameter-efficient-fine-tuning',
    label: 'Parameter-efficient fine-tuning',
    description:
      'Adapting large pretrained models by training few parameters: LoRA and other low-rank updates, adapters, prompt and prefix tuning.',
    terms: [
      'parameter-efficient fine-tuning', 'parameter-efficient', 'peft', 'lora', 'low-rank adaptation', 'qlora',
      'adapter tuning', 'adapter module', 'adapter layer', 'prefix tuning', 'prompt tuning', 'lora adapter',
      'multi-lora', 'low-rank fine-tuning',
    ],
  },
  {
    id: 'model-compression',
    label: 'Model compression',
    description:
      'Shrinking neural networks by pruning, knowledge distillation, low-rank factorisation or sparsification while keeping accuracy.',
    terms: [
      'model compression', 'network compression', 'pruning', 'prune', 'pruned', 'structured pruning',
      'unstructured pruning', 'channel pruning', 'weight pruning', 'knowledge distillation', 'distillation',
      'teacher model', 'student model', 'low-rank factorization', 'low-rank', 'sparsification',
      'lottery ticket', 'compressed model', 'compact model',
    ],
  },
  {
    id: 'efficient-attention',
    label: 'Efficient transformers/attention',
    description:
      'Making attention and transformer layers cheaper in compute and memory: sparse, linear or fused attention, KV-cache reduction, long context.',
    terms: [
      'efficient attention', 'efficient transformer', 'linear attention', 'sparse attention', 'flashattention',
      'flash attention', 'attention kernel', 'kv cache', 'long context', 'quadratic complexity', 'quadratic compute',
      'scaled dot-product attention', 'sdpa', 'sliding window attention', 'token pruning', 'token merging',
      'state space model', 'mamba', 'subquadratic', 'sequence length', 'grouped-query attention',
      'multi-query attention', 'linear transformer',
    ],
  },
  {
    id: 'dynamic-inference',
    label: 'Early exiting and dynamic inference',
    description:
      'Networks that adapt their computation to each input or budget: early exits, slimmable and conditional networks.',
    terms: [
      'early exit', 'early exiting', 'multi-exit', 'exit branch', 'dynamic inference', 'adaptive inference',
      'dynamic neural network', 'conditional computation', 'adaptive computation', 'slimmable', 'anytime inference',
      'input-adaptive',
    ],
  },
  {
    id: 'split-computing',
    label: 'Split computing',
    description:
      'Splitting a neural network between a device and an edge server, often with learned bottlenecks to shrink what is transmitted.',
    terms: [
      'split computing', 'split inference', 'split dnn', 'split learning', 'dnn partitioning', 'model partitioning',
      'nn partitioning', 'head model', 'tail model', 'bottleneck injection', 'collaborative inference',
      'device-edge', 'partition point', 'split point', 'intermediate feature compression',
    ],
  },
  {
    id: 'edge-ai',
    label: 'Edge AI',
    description:
      'Running machine-learning models on phones, embedded boards, microcontrollers and other resource-constrained devices.',
    terms: [
      'edge ai', 'edge device', 'on-device', 'mobile device', 'embedded device', 'resource-constrained device',
      'edge intelligence', 'edge inference', 'tinyml', 'microcontroller', 'mcu', 'raspberry pi', 'jetson',
      'smartphone', 'mobile phone', 'npu', 'single board computer', 'edge deployment',
      'local deployment', 'local device', 'weak device', 'low-end cpu', 'extreme edge', 'mobile vision', 'edge client',
    ],
  },
  {
    id: 'ml-compilers',
    label: 'GPU programming and ML compilers',
    description:
      'Compilers, kernels and programming models that make tensor programs run fast on GPUs and other accelerators.',
    terms: [
      'tensor compiler', 'deep learning compiler', 'ml compiler', 'tvm', 'mlir', 'triton', 'cuda', 'gpu kernel',
      'kernel fusion', 'operator fusion', 'autotuning', 'auto-tuning', 'kernel tuning', 'kernel optimization',
      'kernel generation', 'just-in-time', 'jit', 'gpgpu', 'gpu programming', 'instruction selection',
      'vectorization', 'fused kernel', 'cutlass', 'cuda-aware',
    ],
  },
  {
    id: 'hardware-accelerators',
    label: 'Hardware accelerators',
    description:
      'Custom hardware for machine learning and other workloads: ASICs, FPGAs, dataflow and systolic architectures, hardware/software co-design.',
    terms: [
      'hardware accelerator', 'hardware acceleration', 'accelerator design', 'asic', 'fpga', 'dataflow accelerator',
      'dataflow', 'systolic array', 'hardware-software co-design', 'co-design', 'processing element',
      'high-level synthesis', 'hls', 'rtl', 'tpu', 'cgra', 'spatial architecture', 'hardware support',
      'hardware architecture', 'accelerator chip', 'heterogeneous computing', 'cmos',
    ],
  },
  {
    id: 'scaling-laws',
    label: 'Scaling laws',
    description: 'Empirical laws relating model quality to parameters, data and compute, and compute-optimal training.',
    terms: [
      'scaling law', 'neural scaling law', 'compute-optimal', 'compute budget', 'chinchilla', 'scaling behavior',
      'data-constrained', 'emergent abilities', 'training compute', 'scaling exponent',
    ],
  },
  {
    id: 'data-curation',
    label: 'Data curation and filtering',
    description:
      'Selecting, filtering, deduplicating and mixing training data, and measuring data quality.',
    terms: [
      'data curation', 'data filtering', 'data selection', 'data quality', 'deduplication', 'data pruning',
      'dataset filtering', 'data mixture', 'web-scraped', 'web data', 'common crawl', 'laion', 'datacomp',
      'quality filtering', 'curated data', 'data valuation', 'coreset',
    ],
  },
  {
    id: 'training-input-pipelines',
    label: 'Data loading and training pipelines',
    description:
      'Feeding accelerators during training: data loaders, preprocessing, storage formats and caching that remove input bottlenecks.',
    terms: [
      'data loading', 'data loader', 'dataloader', 'input pipeline', 'data pipeline', 'data bottleneck',
      'data stall', 'preprocessing bottleneck', 'data preprocessing', 'storage format', 'file format',
      'data transfer', 'data pre-loading',
    ],
  },
  {
    id: 'energy-efficient-computing',
    label: 'Energy-efficient computing',
    description:
      'Measuring and reducing the energy, power and carbon cost of computing, especially of machine-learning training and inference.',
    terms: [
      'energy consumption', 'energy efficiency', 'energy-efficient', 'power consumption', 'carbon footprint',
      'carbon emission', 'green ai', 'sustainable ai', 'sustainability', 'energy budget', 'energy measurement',
      'energy footprint', 'energy cost', 'energy reduction', 'energy savings', 'dvfs', 'power capping',
      'power draw', 'joules',
    ],
  },

  // ── Machine learning: methods ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'diffusion-models',
    label: 'Diffusion models',
    description: 'Denoising diffusion and score-based generative models, their samplers, training and applications.',
    terms: [
      'diffusion model', 'denoising diffusion', 'score-based', 'score matching', 'ddpm', 'ddim', 'latent diffusion',
      'stable diffusion', 'denoising step', 'sampling step', 'classifier-free guidance', 'diffusion prior',
      'diffusion-based', 'u-net', 'flow matching', 'rectified flow', 'noise schedule', 'diffusion transformer',
      'consistency model', 'reverse process', 'diffusion training',
    ],
  },
  {
    id: 'generative-models',
    label: 'Deep generative models',
    description: 'Variational autoencoders, normalising flows, GANs, energy-based and autoregressive density models.',
    terms: [
      'variational autoencoder', 'vae', 'normalizing flow', 'generative adversarial network', 'gan',
      'energy-based model', 'latent variable model', 'density estimation', 'evidence lower bound', 'elbo',
      'mode collapse', 'autoregressive model', 'likelihood-based',
    ],
  },
  {
    id: 'self-supervised-learning',
    label: 'Self-supervised and contrastive learning',
    description:
      'Learning representations from unlabeled data with contrastive, masked-prediction or distillation objectives.',
    terms: [
      'self-supervised', 'contrastive learning', 'contrastive loss', 'pretext task', 'masked image modeling',
      'masked autoencoder', 'simclr', 'moco', 'byol', 'dino', 'swav', 'representation learning', 'linear probing',
      'instance discrimination', 'unlabeled data',
    ],
  },
  {
    id: 'semi-supervised-learning',
    label: 'Semi-supervised and weakly supervised learning',
    description:
      'Learning with few, noisy or indirect labels: pseudo-labelling, weak supervision, label noise and active learning.',
    terms: [
      'semi-supervised', 'pseudo-label', 'pseudo-labeling', 'weak supervision', 'weakly supervised', 'label noise',
      'noisy label', 'self-training', 'consistency regularization', 'active learning', 'label efficiency',
    ],
  },
  {
    id: 'few-shot-learning',
    label: 'Few-shot and meta-learning',
    description: 'Learning new tasks from a handful of examples by meta-learning or metric learning across tasks.',
    terms: [
      'few-shot learning', 'few-shot', 'meta-learning', 'maml', 'support set', 'query set', 'episodic training',
      'prototypical network', 'learning to learn', 'n-way k-shot',
    ],
  },
  {
    id: 'domain-adaptation',
    label: 'Domain adaptation and distribution shift',
    description:
      'Keeping models accurate when test data differ from training data: domain adaptation, generalisation and test-time adaptation.',
    terms: [
      'domain adaptation', 'unsupervised domain adaptation', 'domain generalization', 'distribution shift',
      'covariate shift', 'domain shift', 'out-of-distribution generalization', 'test-time adaptation',
      'source domain', 'target domain', 'concept drift', 'data drift',
    ],
  },
  {
    id: 'continual-learning',
    label: 'Continual learning',
    description: 'Learning from a stream of tasks or data without forgetting what was learned before.',
    terms: [
      'continual learning', 'lifelong learning', 'catastrophic forgetting', 'incremental learning',
      'class-incremental', 'task-incremental', 'rehearsal', 'stability-plasticity', 'online continual',
      'forgetting',
    ],
  },
  {
    id: 'graph-neural-networks',
    label: 'Graph neural networks',
    description: 'Neural networks on graphs: message passing, graph transformers, node and graph level prediction.',
    terms: [
      'graph neural network', 'gnn', 'message passing neural network', 'graph convolutional network', 'gcn',
      'graph attention network', 'node classification', 'link prediction', 'graph representation learning',
      'graph transformer', 'over-smoothing', 'node embedding', 'graph classification', 'graph learning',
    ],
  },
  {
    id: 'reinforcement-learning',
    label: 'Reinforcement learning',
    description: 'Learning to act from reward: policy and value methods, offline and multi-agent RL, exploration.',
    terms: [
      'reinforcement learning', 'rl', 'policy gradient', 'q-learning', 'deep q-network', 'dqn', 'actor-critic',
      'ppo', 'proximal policy optimization', 'reward function', 'markov decision process', 'mdp',
      'offline reinforcement learning', 'multi-agent reinforcement learning', 'marl', 'temporal difference',
      'model-based rl', 'rl agent', 'policy optimization', 'reward shaping',
    ],
  },
  {
    id: 'federated-learning',
    label: 'Federated learning',
    description:
      'Training a shared model across clients that keep their data local, with heterogeneous data and devices.',
    terms: [
      'federated learning', 'federated', 'fedavg', 'federated averaging', 'client drift', 'non-iid',
      'heterogeneous clients', 'cross-silo', 'cross-device', 'personalized federated', 'client selection',
      'aggregation server',
    ],
  },
  {
    id: 'stochastic-optimization',
    label: 'Optimization for machine learning',
    description:
      'Gradient-based optimisation for learning: SGD and adaptive methods, momentum, convergence rates, loss landscapes.',
    terms: [
      'stochastic gradient descent', 'sgd', 'convergence rate', 'convergence analysis', 'adam', 'adaptive gradient',
      'momentum', 'nesterov', 'learning rate', 'non-convex optimization', 'convex optimization', 'gradient descent',
      'first-order method', 'variance reduction', 'saddle point', 'loss landscape', 'second-order method',
      'optimization method',
    ],
  },
  {
    id: 'backprop-free-learning',
    label: 'Learning without backpropagation',
    description:
      'Training rules that avoid end-to-end backpropagation: forward-forward, local and biologically plausible learning, zeroth-order and physical training.',
    terms: [
      'backpropagation-free', 'bp-free', 'without backpropagation', 'beyond backpropagation', 'forward-forward',
      'mono-forward', 'cascaded-forward', 'biologically plausible', 'local learning rule', 'local learning',
      'hebbian', 'feedback alignment', 'direct feedback alignment', 'equilibrium propagation', 'forward gradient',
      'zeroth-order', 'predictive coding', 'target propagation', 'model-free training',
    ],
  },
  {
    id: 'neuromorphic-computing',
    label: 'Neuromorphic and physical computing',
    description:
      'Computing with spiking neurons, analog or in-memory hardware and physical systems (optical, wave-based) used as neural networks.',
    terms: [
      'neuromorphic', 'spiking neural network', 'snn', 'spiking neuron', 'memristor', 'memristive', 'in-memory computing',
      'compute-in-memory', 'analog computing', 'analog hardware', 'physical neural network', 'optical neural network',
      'photonic neural network', 'reservoir computing', 'nonvolatile memory', 'crossbar', 'resistive memory',
      'rram', 'wave-based', 'dvs', 'unconventional computing', 'device variability', 'device-to-device variability',
    ],
  },
  {
    id: 'hyperdimensional-computing',
    label: 'Hyperdimensional computing',
    description:
      'Computing with high-dimensional random vectors bound and bundled algebraically (vector symbolic architectures).',
    terms: [
      'hyperdimensional', 'hyperdimensional computing', 'hypervector', 'vector symbolic architecture', 'vsa',
      'holographic reduced representation', 'hd computing', 'binding operation', 'item memory', 'hyperspace',
    ],
  },
  {
    id: 'explainable-ai',
    label: 'Explainability and interpretability',
    description:
      'Explaining what models compute and why they predict what they do: attributions, probes, mechanistic analysis.',
    terms: [
      'explainable ai', 'xai', 'explainability', 'interpretability', 'interpretable', 'saliency map',
      'feature attribution', 'shapley additive explanation', 'counterfactual explanation', 'mechanistic interpretability',
      'concept-based explanation', 'attribution method', 'integrated gradients', 'grad-cam', 'probing classifier',
      'sparse autoencoder',
    ],
  },
  {
    id: 'adversarial-robustness',
    label: 'Adversarial robustness',
    description:
      'Attacks that fool or poison models and defences against them: adversarial examples, backdoors, certified robustness.',
    terms: [
      'adversarial example', 'adversarial attack', 'adversarial robustness', 'adversarial training',
      'adversarial perturbation', 'certified robustness', 'randomized smoothing', 'backdoor attack', 'backdoor',
      'data poisoning', 'poisoning attack', 'evasion attack', 'pgd attack', 'trojan',
    ],
  },
  {
    id: 'fairness',
    label: 'Fairness and bias',
    description: 'Measuring and mitigating unfair or biased behaviour of models across groups of people.',
    terms: [
      'algorithmic fairness', 'fairness', 'demographic parity', 'equalized odds', 'bias mitigation',
      'protected attribute', 'sensitive attribute', 'disparate impact', 'social bias', 'gender bias', 'debiasing',
      'group fairness', 'individual fairness', 'stereotype',
    ],
  },
  {
    id: 'privacy-preserving-ml',
    label: 'Privacy-preserving machine learning',
    description:
      'Protecting training data and users: differential privacy, privacy attacks, unlearning, secure aggregation.',
    terms: [
      'differential privacy', 'differentially private', 'dp-sgd', 'privacy-preserving', 'membership inference',
      'privacy leakage', 'privacy budget', 'secure aggregation', 'model inversion', 'machine unlearning',
      'unlearning', 'privacy attack', 'data privacy',
    ],
  },
  {
    id: 'anomaly-detection',
    label: 'Anomaly detection',
    description: 'Finding unusual behaviour, faults or out-of-distribution inputs in data, systems and models.',
    terms: [
      'anomaly detection', 'anomaly score', 'anomalous behavior', 'anomalous behaviour', 'outlier detection',
      'novelty detection', 'abnormal behavior', 'abnormal behaviour', 'malfunction detection', 'fault detection',
      'fault diagnosis', 'out-of-distribution detection', 'ood detection', 'one-class', 'false alarm',
      'anomaly detector', 'abnormal event', 'video anomaly',
    ],
  },
  {
    id: 'time-series',
    label: 'Time-series forecasting',
    description:
      'Forecasting and modelling sequential measurements: multivariate, long-horizon and probabilistic forecasting.',
    terms: [
      'time series', 'time-series forecasting', 'forecasting', 'multivariate time series', 'long-term forecasting',
      'forecast horizon', 'seasonality', 'arima', 'temporal convolution', 'traffic forecasting',
      'probabilistic forecasting', 'temporal dependency',
    ],
  },
  {
    id: 'recommender-systems',
    label: 'Recommender systems',
    description:
      'Recommending items to users from interactions: collaborative filtering, CTR prediction, sequential recommendation.',
    terms: [
      'recommender system', 'recommendation system', 'recommendation model', 'item recommendation',
      'collaborative filtering', 'click-through rate', 'ctr prediction',
      'user-item', 'sequential recommendation', 'matrix factorization', 'implicit feedback', 'cold start',
      'recommender',
    ],
  },

  // ── Natural-language processing ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'language-model-pretraining',
    label: 'Language model pretraining',
    description:
      'Building language models: pretraining data and objectives, tokenisation, instruction tuning and open model families.',
    terms: [
      'language model pretraining', 'pretrained language model', 'next-token prediction', 'masked language modeling',
      'tokenizer', 'tokenization', 'perplexity', 'instruction tuning', 'instruction-tuned', 'small language model',
      'pretraining corpus', 'open language model', 'decoder-only',
    ],
  },
  {
    id: 'llm-alignment',
    label: 'LLM alignment and safety',
    description:
      'Steering language models toward human preferences and safe behaviour: RLHF, preference optimisation, red-teaming, jailbreaks.',
    terms: [
      'llm alignment', 'human preference', 'preference optimization', 'rlhf', 'reinforcement learning from human feedback',
      'dpo', 'direct preference optimization', 'reward model', 'red teaming', 'jailbreak', 'harmful content',
      'safety alignment', 'constitutional ai', 'harmlessness', 'guardrail', 'refusal',
    ],
  },
  {
    id: 'llm-reasoning',
    label: 'LLM reasoning',
    description:
      'Multi-step reasoning in language models: chain of thought, mathematical and logical problem solving, test-time compute.',
    terms: [
      'chain-of-thought', 'cot', 'multi-step reasoning', 'mathematical reasoning', 'reasoning model',
      'large reasoning model', 'test-time compute', 'test-time scaling', 'gsm8k', 'math word problem',
      'self-consistency', 'tree of thoughts', 'logical reasoning', 'reasoning trace', 'process reward model',
      'reasoning ability', 'reasoning capabilities',
    ],
  },
  {
    id: 'retrieval-augmented-generation',
    label: 'Retrieval-augmented generation',
    description:
      'Grounding generation in retrieved documents: retrievers, open-domain QA, knowledge-intensive tasks and hallucination.',
    terms: [
      'retrieval-augmented generation', 'retrieval-augmented', 'rag', 'retriever', 'dense retrieval',
      'open-domain question answering', 'question answering', 'passage retrieval', 'retrieved documents',
      'knowledge-intensive', 'document retrieval', 'retrieval augmentation',
    ],
  },
  {
    id: 'hallucination-factuality',
    label: 'Hallucination and factuality',
    description:
      'Whether generated text and answers are true and faithful to their sources, and how to detect and reduce hallucination.',
    terms: [
      'hallucination', 'hallucinate', 'factuality', 'faithfulness', 'factual consistency', 'fact verification',
      'grounded generation', 'knowledge conflict', 'self-verification', 'truthfulness', 'factual error',
      'object hallucination',
    ],
  },
  {
    id: 'llm-agents',
    label: 'LLM agents',
    description: 'Language-model agents that plan, call tools, browse or act in environments, alone or in teams.',
    terms: [
      'llm agent', 'language agent', 'autonomous agent', 'tool use', 'tool calling', 'function calling', 'agentic',
      'web agent', 'gui agent', 'computer use', 'tool learning', 'llm-based agent', 'agent framework',
      'multi-agent llm',
    ],
  },
  {
    id: 'code-generation',
    label: 'Code generation',
    description: 'Language models that write, complete, repair or search code, and the benchmarks that evaluate them.',
    terms: [
      'code generation', 'code llm', 'program synthesis', 'code completion', 'humaneval', 'mbpp', 'swe-bench',
      'repository-level', 'coding assistant', 'program repair', 'automated program repair', 'code search',
      'code language model',
    ],
  },
  {
    id: 'machine-translation',
    label: 'Machine translation and multilinguality',
    description:
      'Translating between languages and building models that work across many, including low-resource ones.',
    terms: [
      'machine translation', 'neural machine translation', 'nmt', 'translation quality', 'bleu',
      'low-resource language', 'multilingual', 'parallel corpus', 'bilingual', 'cross-lingual', 'source language',
    ],
  },
  {
    id: 'information-extraction',
    label: 'Information extraction and knowledge graphs',
    description: 'Pulling entities, relations and events out of text and organising them in knowledge graphs.',
    terms: [
      'named entity recognition', 'ner', 'relation extraction', 'information extraction', 'entity linking',
      'event extraction', 'knowledge graph', 'knowledge graph completion', 'slot filling',
      'open information extraction', 'entity typing',
    ],
  },
  {
    id: 'text-classification',
    label: 'Sentiment, toxicity and text classification',
    description: 'Classifying text by sentiment, stance, toxicity or veracity, including misinformation detection.',
    terms: [
      'sentiment analysis', 'sentiment', 'text classification', 'opinion mining', 'stance detection', 'hate speech',
      'toxicity', 'emotion recognition', 'sarcasm', 'fake news', 'misinformation', 'fact-checking',
    ],
  },
  {
    id: 'speech-recognition',
    label: 'Speech recognition',
    description: 'Transcribing and understanding spoken language: ASR, speaker recognition and keyword spotting.',
    terms: [
      'speech recognition', 'automatic speech recognition', 'asr', 'word error rate', 'wer', 'acoustic model',
      'speech-to-text', 'whisper', 'wav2vec', 'ctc', 'connectionist temporal classification', 'speaker verification',
      'speaker recognition', 'keyword spotting', 'spoken language',
    ],
  },
  {
    id: 'speech-audio-generation',
    label: 'Speech and audio generation',
    description:
      'Synthesising speech, music and sound: text-to-speech, vocoders, voice conversion and neural audio codecs.',
    terms: [
      'text-to-speech', 'tts', 'speech synthesis', 'vocoder', 'voice conversion', 'audio generation',
      'music generation', 'singing voice', 'prosody', 'neural audio codec', 'audio codec', 'voice cloning',
    ],
  },
  {
    id: 'audio-signal-processing',
    label: 'Audio signal processing',
    description:
      'Enhancing, separating and analysing audio signals: speech enhancement, source separation, sound events, acoustics.',
    terms: [
      'speech enhancement', 'noise suppression', 'source separation', 'speaker separation', 'acoustic echo',
      'sound event detection', 'audio classification', 'music information retrieval', 'spatial audio',
      'room acoustics', 'beamformer', 'audio signal',
    ],
  },

  // ── Computer vision and graphics ─────────────────────────────────────────────────────────────────────────────
  {
    id: 'vision-backbones',
    label: 'Image classification and vision backbones',
    description:
      'Convolutional and transformer architectures for image recognition, typically evaluated on ImageNet-style classification.',
    terms: [
      'image classification', 'imagenet', 'vision backbone', 'cnn backbone', 'convolutional neural network', 'cnn', 'resnet',
      'vision transformer', 'vit', 'mobilenet', 'efficientnet', 'top-1 accuracy', 'cifar', 'cifar10', 'cifar100',
      'convolutional', 'depth-wise convolution', 'depthwise convolution', 'receptive field', 'swin', 'convnext',
      'mobilevit', 'image recognition', 'continuous convolution', 'convolutional kernel',
    ],
  },
  {
    id: 'object-detection',
    label: 'Object detection',
    description:
      'Locating and classifying objects in images with bounding boxes, including open-vocabulary and small-object detection.',
    terms: [
      'object detection', 'object detector', 'bounding box', 'yolo', 'detr', 'faster r-cnn', 'anchor-free',
      'ms-coco', 'coco', 'open-vocabulary detection', 'small object', 'detection head', 'mean average precision',
    ],
  },
  {
    id: 'image-segmentation',
    label: 'Image segmentation',
    description: 'Assigning labels to pixels: semantic, instance, panoptic, referring and medical image segmentation.',
    terms: [
      'semantic segmentation', 'instance segmentation', 'panoptic segmentation', 'image segmentation',
      'segmentation mask', 'segment anything', 'mask r-cnn', 'pixel-wise', 'medical image segmentation',
      'referring segmentation', 'cityscapes', 'ade20k', 'segmentation',
    ],
  },
  {
    id: 'vision-language-models',
    label: 'Vision-language models',
    description:
      'Models that jointly understand images or video and text: CLIP-style pretraining, multimodal LLMs, VQA and captioning.',
    terms: [
      'vision-language', 'vision language model', 'vlm', 'multimodal large language model', 'mllm', 'multimodal llm',
      'large multimodal model', 'lmm', 'multimodal understanding', 'multimodal reasoning', 'clip model',
      'clip encoder', 'clip-based', 'image-text', 'visual question answering', 'vqa', 'image captioning',
      'captioning', 'visual instruction tuning', 'contrastive language-image', 'llava', 'visual grounding',
    ],
  },
  {
    id: 'video-understanding',
    label: 'Video understanding and tracking',
    description: 'Recognising actions and events in video, video-language tasks and tracking objects over time.',
    terms: [
      'action recognition', 'video understanding', 'temporal action', 'video question answering', 'video-language',
      'video classification', 'action localization', 'egocentric video', 'video captioning',
      'video object segmentation', 'multi-object tracking', 'object tracking',
    ],
  },
  {
    id: 'image-generation',
    label: 'Image generation and editing',
    description:
      'Generating and editing images from text or other images with diffusion, GAN or autoregressive models.',
    terms: [
      'text-to-image', 'image generation', 'image synthesis', 'image editing', 'stylegan', 'inpainting',
      'image inpainting', 'image-to-image', 'dreambooth', 'controlnet', 'fid', 'style transfer', 'subject-driven',
      'personalized generation',
    ],
  },
  {
    id: 'text-to-video',
    label: 'Text-to-video',
    description: 'Generating video clips from text prompts, and video generation models more broadly.',
    terms: [
      'text-to-video', 't2v', 'video generation', 'video diffusion', 'video synthesis', 'generative video',
      'image-to-video', 'long video generation', 'temporally coherent', 'video generative model', 'videocrafter',
      'vbench', 'sora',
    ],
  },
  {
    id: 'image-restoration',
    label: 'Image restoration and enhancement',
    description:
      'Recovering clean, sharp, high-resolution images: denoising, deblurring, super-resolution and quality assessment.',
    terms: [
      'image restoration', 'image denoising', 'super-resolution', 'deblurring', 'dehazing', 'deraining',
      'low-light enhancement', 'image enhancement', 'artifact removal', 'image quality assessment',
      'compression artifact', 'blind image',
    ],
  },
  {
    id: 'point-clouds',
    label: 'Point clouds',
    description:
      'Learning on and processing 3D point sets from lidar or depth sensing: classification, segmentation, registration, completion.',
    terms: [
      'point cloud', 'point set', 'lidar', 'pointnet', 'point-based', 'farthest point sampling',
      'point cloud completion', 'point cloud registration', 'point cloud segmentation', '3d point', 'voxel',
      'voxelization', 'range image', 'scene flow', 'point convolution', 'colored point cloud',
    ],
  },
  {
    id: 'neural-rendering',
    label: 'Neural rendering',
    description:
      'Representing and rendering scenes with learned fields such as NeRF and Gaussian splatting, for novel view synthesis.',
    terms: [
      'neural rendering', 'nerf', 'neural radiance field', 'radiance field', 'gaussian splatting', '3dgs',
      'novel view synthesis', 'view synthesis', 'volume rendering', 'volumetric rendering', 'neural light field',
      'light field', 'implicit neural representation', 'neural graphics', 'neural representation',
      'inverse rendering', 'hash grid', 'hashgrid', 'neural field', 'differentiable rendering',
      'hash encoding',
    ],
  },
  {
    id: '3d-reconstruction',
    label: '3D reconstruction and generation',
    description:
      'Recovering or generating 3D shape and appearance (meshes, textures, depth) from images, scans or text.',
    terms: [
      '3d reconstruction', 'mesh reconstruction', 'textured mesh', '3d mesh', 'triangle mesh', 'mesh generation',
      'surface reconstruction', 'multi-view stereo', 'multi-view images', 'depth estimation', 'text-to-3d', 'image-to-3d',
      '3d generation', 'structure from motion', '3d shape', 'shape generation', 'texture', 'signed distance function',
      '3d asset', 'unprojection',
    ],
  },
  {
    id: 'rendering',
    label: 'Rendering and ray tracing',
    description:
      'Physically based and real-time image synthesis: ray and path tracing, rasterisation, global illumination, shading.',
    terms: [
      'ray tracing', 'path tracing', 'rasterization', 'global illumination', 'real-time rendering', 'shading',
      'bvh', 'monte carlo rendering', 'brdf', 'physically based rendering', 'light transport',
      'monte carlo denoising',
    ],
  },
  {
    id: 'animation-simulation',
    label: 'Animation and physical simulation',
    description: 'Animating characters and simulating cloth, fluids and rigid or deformable bodies for graphics.',
    terms: [
      'character animation', 'physics-based animation', 'cloth simulation', 'fluid simulation', 'motion capture',
      'rigging', 'collision detection', 'deformable body', 'rigid body', 'skinning', 'motion synthesis',
    ],
  },
  {
    id: 'ar-vr',
    label: 'AR/VR and immersive systems',
    description: 'Virtual, augmented and mixed reality: headsets, immersive interaction and telepresence.',
    terms: [
      'virtual reality', 'augmented reality', 'mixed reality', 'ar/vr', 'xr', 'head-mounted display', 'hmd',
      'immersive', 'metaverse', '360-degree video', 'telepresence', 'eye tracking',
    ],
  },

  // ── Robotics ─────────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'autonomous-driving',
    label: 'Autonomous driving',
    description: 'Perception, prediction and planning for self-driving vehicles.',
    terms: [
      'autonomous driving', 'self-driving', 'autonomous vehicle', 'motion planning', 'trajectory prediction',
      "bird's-eye view", 'bev', 'nuscenes', 'kitti', 'waymo', 'driving scene', 'end-to-end driving',
      'lane detection', 'carla',
    ],
  },
  {
    id: 'robot-manipulation',
    label: 'Robot manipulation and learning',
    description:
      'Robots that grasp and manipulate objects, learned from demonstrations, reinforcement or vision-language-action models.',
    terms: [
      'robot manipulation', 'robotic manipulation', 'robotic grasping', 'grasp detection', 'grasp planning',
      'robotic arm', 'dexterous',
      'imitation learning', 'behavior cloning', 'teleoperation', 'vision-language-action', 'vla', 'embodied',
      'robot learning', 'pick-and-place', 'end effector',
    ],
  },
  {
    id: 'robot-navigation',
    label: 'Robot navigation and SLAM',
    description: 'Mobile, legged and aerial robots that localise, map, plan paths and move through the world.',
    terms: [
      'slam', 'simultaneous localization and mapping', 'visual odometry', 'odometry', 'robot navigation',
      'autonomous navigation',
      'path planning', 'occupancy grid', 'legged robot', 'locomotion', 'quadruped', 'uav', 'drone', 'mobile robot',
      'obstacle avoidance',
    ],
  },
  {
    id: 'multi-agent-systems',
    label: 'Multi-agent systems',
    description: 'Interacting autonomous agents: coordination, consensus, swarms and agent-based modelling.',
    terms: [
      'multi-agent system', 'multi-agent', 'agent-based model', 'agent-based', 'swarm', 'consensus algorithm',
      'cooperative agents', 'decentralized control', 'multi-robot', 'agent coordination',
    ],
  },

  // ── Computer systems ─────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'serverless-computing',
    label: 'Serverless computing',
    description:
      'Function-as-a-Service platforms and applications: cold starts, function scheduling, pricing and serverless data or ML workloads.',
    terms: [
      'serverless', 'serverless computing', 'serverless platform', 'serverless function', 'function-as-a-service',
      'faas', 'cold start', 'warm start', 'cloud function', 'lambda function', 'aws lambda', 'pay-as-you-go',
      'keep-alive', 'function invocation', 'serverless inference',
    ],
  },
  {
    id: 'cloud-computing',
    label: 'Cloud computing',
    description:
      'Resource management, virtualisation and cloud-native operation of public and private clouds and their data centres.',
    terms: [
      'cloud computing', 'cloud-native', 'public cloud', 'cloud provider', 'cloud platform', 'cloud environment',
      'cloud system', 'cloud infrastructure', 'cloud service', 'cloud resource', 'multi-tenant', 'multi-tenancy',
      'kubernetes', 'microservice', 'containerization', 'vm consolidation', 'vm scheduling', 'live migration',
      'virtual machine migration', 'data center', 'datacenter', 'autoscaling', 'iaas', 'workload trace',
      'cloud workload',
    ],
  },
  {
    id: 'hpc',
    label: 'HPC',
    description:
      'High-performance computing: supercomputers, MPI and parallel scientific codes, and their performance at scale.',
    terms: [
      'hpc', 'high-performance computing', 'high performance computing', 'supercomputer', 'supercomputing',
      'exascale', 'pre-exascale', 'mpi', 'openmp', 'petaflops', 'petascale', 'leadership-class',
      'scientific computing', 'parallel computing', 'hpc cluster', 'compute node', 'top500', 'halo exchange',
      'message passing', 'cuda-aware', 'slurm', 'strong scaling', 'weak scaling',
    ],
  },
  {
    id: 'cluster-scheduling',
    label: 'Scheduling and resource management',
    description:
      'Allocating compute to jobs, tasks and services in clusters: schedulers, load balancing, autoscaling and consolidation.',
    terms: [
      'job scheduling', 'task scheduling', 'cluster scheduling', 'scheduler', 'load balancing', 'load balancer',
      'resource allocation', 'resource management', 'resource provisioning', 'bin-packing', 'autoscaling',
      'workload consolidation', 'task migration', 'resource utilization', 'overcommitment', 'preemption',
      'scheduling policy', 'resource fragmentation', 'resource contention',
    ],
  },
  {
    id: 'operating-systems',
    label: 'Operating systems and virtualization',
    description:
      'Kernels, containers and hypervisors: how software is isolated, virtualised and run on shared hardware.',
    terms: [
      'operating system', 'linux', 'linux kernel', 'os kernel', 'host os', 'virtualization', 'hypervisor',
      'container', 'containerized', 'docker', 'unikernel', 'sandbox', 'system call', 'syscall', 'page table',
      'container orchestration', 'firmware image',
    ],
  },
  {
    id: 'storage-systems',
    label: 'Storage and I/O systems',
    description: 'File systems, SSDs and storage hierarchies, caching and the I/O paths that feed computation.',
    terms: [
      'storage system', 'file system', 'i/o', 'io bottleneck', 'ssd', 'nvme', 'flash memory', 'nand flash',
      'flash storage', 'object storage', 'prefetch', 'prefetching', 'storage latency',
      'persistent memory', 'storage hierarchy', 'storage space', 'slow storage', 'disk i/o', 'hard disk',
    ],
  },
  {
    id: 'computer-architecture',
    label: 'Processor and memory architecture',
    description: 'CPU microarchitecture, caches and memory hierarchies, instruction sets and multicore processors.',
    terms: [
      'microarchitecture', 'cache hierarchy', 'last-level cache', 'memory hierarchy', 'branch prediction',
      'prefetcher', 'dram', 'memory bandwidth', 'instruction set', 'risc-v', 'riscv', 'multicore', 'multi-core',
      'out-of-order', 'memory controller', 'processing-in-memory', 'near-data processing', 'xeon', 'simd',
      'arm cortex', 'processor', 'cpu architecture', 'cpu performance',
    ],
  },
  {
    id: 'embedded-iot',
    label: 'Embedded systems and IoT',
    description:
      'Software and hardware for embedded, low-power and Internet-of-Things devices, their firmware and sensor networks.',
    terms: [
      'iot', 'internet of things', 'embedded system', 'embedded device', 'embedded linux', 'embedded platform',
      'firmware', 'microcontroller', 'sensor network', 'wireless sensor network', 'low-power', 'ultra-low-power',
      'energy harvesting', 'over-the-air', 'rtos', 'real-time operating system', 'lorawan', 'lora', 'iot device',
      'cross-compile', 'single board computer', 'battery-powered',
    ],
  },
  {
    id: 'performance-modeling',
    label: 'Performance modeling and benchmarking',
    description: 'Predicting, measuring and characterising the performance of systems and workloads.',
    terms: [
      'performance prediction', 'performance model', 'performance modeling', 'performance modelling',
      'performance characterization', 'workload characterization', 'performance analysis',
      'performance interference', 'performance isolation', 'performance degradation', 'performance counter',
      'roofline', 'benchmark suite', 'cycle-accurate simulator', 'analytical model', 'performance profiling',
      'tail latency',
    ],
  },
  {
    id: 'fault-tolerance',
    label: 'Fault tolerance and reliability',
    description: 'Keeping systems and hardware correct despite failures: faults, errors, checkpointing and recovery.',
    terms: [
      'fault tolerance', 'fault-tolerant', 'bit flip', 'bit fault', 'soft error', 'stuck-at fault', 'fault injection',
      'fault-aware', 'checkpoint-restart', 'failure recovery', 'byzantine', 'hardware reliability',
      'system reliability', 'hardware error',
    ],
  },
  {
    id: 'reproducibility',
    label: 'Reproducibility and research software',
    description:
      'Making computational research repeatable: environments, containers, workflows, research software and open science.',
    terms: [
      'reproducibility', 'reproducible research', 'computational reproducibility', 'reproducible', 'replicability',
      'research software', 'scientific workflow', 'workflow system', 'open science', 'software environment',
      'jupyter', 'artifact evaluation', 'provenance',
    ],
  },
  {
    id: 'software-testing',
    label: 'Software testing and program analysis',
    description: 'Finding bugs and vulnerabilities in software by testing, fuzzing and static or symbolic analysis.',
    terms: [
      'fuzzing', 'fuzzer', 'test generation', 'unit test', 'software testing', 'program analysis', 'static analysis',
      'symbolic execution', 'bug detection', 'vulnerability detection', 'code review', 'mutation testing',
      'regression testing', 'test case',
    ],
  },
  {
    id: 'formal-methods',
    label: 'Formal methods and verification',
    description:
      'Proving properties of programs and systems: model checking, theorem proving, type systems and solvers.',
    terms: [
      'formal verification', 'theorem proving', 'automated theorem proving', 'model checking', 'proof assistant',
      'coq', 'isabelle', 'smt solver', 'sat solver', 'temporal logic', 'type system', 'program verification',
      'separation logic', 'formal semantics', 'refinement type',
    ],
  },

  // ── Data management and retrieval ────────────────────────────────────────────────────────────────────────────
  {
    id: 'vector-search',
    label: 'Vector search',
    description:
      'Approximate nearest-neighbour search over embedding vectors, and the indexes and databases that serve it.',
    terms: [
      'vector search', 'vector similarity search', 'similarity search', 'approximate nearest neighbor',
      'approximate nearest neighbour', 'nearest neighbor search', 'ann search', 'ann index', 'vector database',
      'product quantization', 'vector quantization', 'hnsw', 'graph-based index', 'inverted file', 'ivf',
      'hybrid query', 'filtered search', 'maximum inner product search', 'mips', 'high-dimensional vectors', 'faiss',
    ],
  },
  {
    id: 'query-processing',
    label: 'Query processing and optimization',
    description:
      'How database systems plan and execute queries: optimisers, cardinality estimation, join processing, learned indexes.',
    terms: [
      'query optimization', 'query optimizer', 'query processing', 'query execution', 'cardinality estimation',
      'join order', 'sql', 'relational database', 'dbms', 'database system', 'query plan', 'learned index', 'olap',
      'columnar',
    ],
  },
  {
    id: 'transactions-storage-engines',
    label: 'Transactions and storage engines',
    description:
      'Keeping data consistent under concurrency and distribution: transactions, concurrency control, key-value stores.',
    terms: [
      'transaction processing', 'concurrency control', 'oltp', 'serializability', 'isolation level',
      'key-value store', 'lsm-tree', 'distributed database', 'two-phase commit', 'storage engine', 'b-tree',
      'write-ahead log', 'replication protocol',
    ],
  },
  {
    id: 'information-retrieval',
    label: 'Search and ranking',
    description:
      'Retrieving and ranking documents for queries: sparse and dense retrievers, learning to rank, re-ranking.',
    terms: [
      'information retrieval', 'learning to rank', 'search engine', 'bm25', 'document ranking', 'ranking model',
      'click model', 'query expansion', 'reranking', 're-ranking', 'sparse retrieval', 'relevance judgment',
    ],
  },
  {
    id: 'scholarly-data',
    label: 'Scholarly data and citation analysis',
    description:
      'Studying and supporting scientific literature: citations, bibliometrics, peer review and digital libraries.',
    terms: [
      'citation', 'scholarly', 'bibliometric', 'scientometric', 'peer review', 'research papers', 'citation network',
      'arxiv', 'digital library', 'scientific literature', 'academic paper',
    ],
  },
  {
    id: 'social-networks',
    label: 'Social networks and computational social science',
    description: 'Behaviour and information flow on social platforms and networks of people.',
    terms: [
      'social network', 'social media', 'twitter', 'information diffusion', 'community detection',
      'online communities', 'polarization', 'echo chamber', 'influence maximization', 'reddit', 'user behavior',
    ],
  },

  // ── Human-computer interaction ───────────────────────────────────────────────────────────────────────────────
  {
    id: 'visualization',
    label: 'Information visualization',
    description: 'Designing and evaluating visual representations of data, and visual analytics tools.',
    terms: [
      'visualization', 'visual analytics', 'dashboard', 'chart', 'infographic', 'interactive visualization',
      'data visualization', 'visual encoding', 'visualization design',
    ],
  },
  {
    id: 'accessibility',
    label: 'Accessibility',
    description: 'Technology for and with people with disabilities and older adults.',
    terms: [
      'accessibility', 'blind people', 'blind users', 'blind and low-vision', 'visually impaired', 'screen reader', 'low vision', 'deaf', 'sign language',
      'assistive technology', 'people with disabilities', 'disability', 'older adults', 'wheelchair',
    ],
  },
  {
    id: 'human-ai-interaction',
    label: 'Human-AI interaction',
    description: 'How people use, trust and collaborate with AI systems and interactive software, studied with users.',
    terms: [
      'human-ai', 'human-ai collaboration', 'human-computer interaction', 'user experience', 'usability',
      'interview study', 'conversational agent', 'chatbot', 'crowdsourcing', 'trust in ai', 'co-creation',
      'think-aloud', 'interaction design', 'user interface', 'user study',
    ],
  },

  {
    id: 'education-technology',
    label: 'Education and learning technologies',
    description:
      'Technology and AI for teaching and learning: tutoring systems, learning analytics, assessment, students and courses.',
    terms: [
      'education', 'educational', 'classroom', 'learning analytics', 'intelligent tutoring', 'tutoring system',
      'mooc', 'higher education', 'online course', 'automated grading', 'student writing', 'student learning',
      'student performance', 'pedagogical', 'k-12',
    ],
  },

  // ── Security and cryptography ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'intrusion-malware-detection',
    label: 'Intrusion and malware detection',
    description: 'Detecting attacks, intrusions, malware and compromised systems or services.',
    terms: [
      'intrusion detection', 'intrusion', 'malware', 'cyberattack', 'cyber attack', 'cybersecurity',
      'threat detection', 'attack detection', 'ransomware', 'phishing', 'botnet', 'ddos', 'security threat',
      'post-exploitation', 'attack scenario', 'compromised function', 'compromised host', 'compromised node',
    ],
  },
  {
    id: 'cryptography',
    label: 'Cryptography and side channels',
    description:
      'Encryption, signatures and protocols, their security proofs and implementation attacks such as side channels.',
    terms: [
      'encryption', 'cryptographic', 'cryptography', 'post-quantum', 'lattice-based cryptography',
      'homomorphic encryption', 'fully homomorphic', 'zero-knowledge', 'zero-knowledge proof', 'signature scheme',
      'public-key', 'secret sharing', 'multi-party computation', 'mpc', 'key exchange', 'block cipher', 'side-channel',
      'side-channel attack',
    ],
  },
  {
    id: 'blockchain',
    label: 'Blockchain and smart contracts',
    description: 'Distributed ledgers, their consensus protocols, smart contracts and decentralised finance.',
    terms: [
      'blockchain', 'smart contract', 'consensus protocol', 'ethereum', 'bitcoin', 'cryptocurrency',
      'decentralized finance', 'defi', 'distributed ledger', 'proof of stake', 'proof-of-work', 'transaction fee',
      'web3',
    ],
  },

  // ── Networking and communications ────────────────────────────────────────────────────────────────────────────
  {
    id: 'noma-multiple-access',
    label: 'NOMA and multiple access',
    description:
      'Non-orthogonal, grant-free and random multiple access for wireless links: power-domain NOMA, SIC, rate splitting, massive machine-type access.',
    terms: [
      'noma', 'non-orthogonal multiple access', 'non-orthogonal', 'multiple access', 'grant-free',
      'successive interference cancellation', 'sic', 'power-domain', 'rate-splitting', 'rsma',
      'multiple access channel', 'random access', 'mmtc', 'massive machine-type communication',
      'orthogonal multiple access', 'oma', 'user pairing', 'superposition coding', 'spreading sequence',
      'active user detection', 'multi-user detection',
    ],
  },
  {
    id: 'mimo-antennas',
    label: 'MIMO and antenna systems',
    description:
      'Multi-antenna transmission and new antenna technologies: massive MIMO, beamforming, RIS, movable and fluid antennas.',
    terms: [
      'mimo', 'massive mimo', 'beamforming', 'precoding', 'antenna', 'movable antenna', 'fluid antenna',
      'reconfigurable intelligent surface', 'ris', 'intelligent reflecting surface', 'antenna array',
      'millimeter wave', 'mmwave', 'channel estimation', 'channel state information', 'csi', 'terahertz',
    ],
  },
  {
    id: 'semantic-communication',
    label: 'Semantic communication and JSCC',
    description:
      'Learned end-to-end transmission that codes the meaning or task-relevant content of data: deep joint source-channel coding.',
    terms: [
      'semantic communication', 'joint source-channel coding', 'jscc', 'deepjscc', 'source coding', 'channel coding',
      'task-oriented communication', 'goal-oriented communication', 'image transmission', 'separation theorem',
      'bandwidth ratio', 'end-to-end communication',
    ],
  },
  {
    id: 'wireless-networks',
    label: '5G/6G mobile networks',
    description:
      'Cellular and wireless network design and operation for 5G, 6G and beyond: RAN, URLLC, spectrum, handover.',
    terms: [
      '5g', '6g', 'beyond 5g', 'cellular network', 'base station', 'mobile network', 'radio access network',
      'o-ran', 'open ran', 'urllc', 'embb', 'handover', 'mobile operator', 'lte', 'wireless network',
      'spectrum sharing', 'spectrum access', 'cognitive radio',
      'finite blocklength', 'age of information', 'self-organizing network', 'self-organized network',
    ],
  },
  {
    id: 'edge-computing',
    label: 'Mobile edge computing',
    description:
      'Offloading computation from mobile and IoT devices to nearby edge servers, and scheduling and placing work there.',
    terms: [
      'edge computing', 'mobile edge computing', 'multi-access edge computing', 'mec', 'edge server', 'edge-assisted',
      'task offloading', 'computation offloading', 'edge offloading', 'offloading', 'offload', 'fog computing',
      'edge cloud', 'edge node', 'cloudlet', 'vehicular edge', 'wireless link', 'nn offloading', 'dnn offloading',
      'inference offloading',
    ],
  },
  {
    id: 'sdn-nfv',
    label: 'SDN and network virtualization',
    description:
      'Programmable and virtualised networks: software-defined networking, network function virtualisation, slicing and management.',
    terms: [
      'software-defined networking', 'software defined network', 'sdn', 'nfv', 'network function virtualization',
      'virtual network function', 'vnf', 'network slicing', 'network management', 'programmable data plane', 'p4',
      'openflow', 'intent-based networking', 'network orchestration',
    ],
  },
  {
    id: 'datacenter-networking',
    label: 'Datacenter networks and interconnects',
    description: 'Networks inside datacenters and AI clusters: topologies, interconnects, RDMA and congestion control.',
    terms: [
      'datacenter network', 'data center network', 'network topology', 'interconnect', 'rdma', 'infiniband',
      'nvlink', 'clos', 'fat-tree', 'congestion control', 'network switch', 'optical switching', 'any-to-any network',
      'any-to-any communication',
      'bisection bandwidth', 'rail-only', 'network fabric', 'network cost',
    ],
  },
  {
    id: 'compressed-sensing',
    label: 'Compressed sensing and sparse recovery',
    description:
      'Recovering sparse or structured signals from few measurements, and the algorithms and guarantees for it.',
    terms: [
      'compressed sensing', 'compressive sensing', 'sparse recovery', 'sparse signal', 'restricted isometry',
      'basis pursuit', 'l1 minimization', 'sparse reconstruction', 'approximate message passing',
      'dictionary learning', 'sparse coding', 'sensing matrix', 'measurement matrix',
    ],
  },
  {
    id: 'radar-sensing',
    label: 'Radar and integrated sensing',
    description:
      'Radar signal processing and joint sensing-and-communication: detection, Doppler, direction of arrival.',
    terms: [
      'radar', 'synthetic aperture radar', 'doppler', 'isac', 'integrated sensing and communication',
      'direction of arrival', 'doa estimation', 'fmcw', 'clutter', 'range-doppler', 'target detection',
    ],
  },

  // ── Control and energy systems ───────────────────────────────────────────────────────────────────────────────
  {
    id: 'control-theory',
    label: 'Control theory and MPC',
    description:
      'Designing controllers with guarantees: model predictive, robust and optimal control, stability, system identification.',
    terms: [
      'model predictive control', 'mpc', 'controller design', 'feedback control', 'stability analysis', 'lyapunov',
      'robust control', 'optimal control', 'lqr', 'state feedback', 'closed-loop', 'control barrier function',
      'system identification', 'h-infinity', 'trajectory tracking',
    ],
  },
  {
    id: 'power-systems',
    label: 'Power systems and smart grids',
    description: 'Electric power grids with renewables, storage and flexible demand: operation, planning and markets.',
    terms: [
      'power system', 'smart grid', 'power grid', 'renewable energy', 'microgrid', 'electricity', 'demand response',
      'power flow', 'optimal power flow', 'battery storage', 'electric vehicle', 'ev charging', 'wind power',
      'photovoltaic', 'frequency regulation', 'load forecasting',
    ],
  },

  // ── Scientific machine learning and computational science ────────────────────────────────────────────────────
  {
    id: 'neural-operators',
    label: 'Neural operators and scientific ML',
    description:
      'Learning solvers and surrogates for differential equations: neural operators, physics-informed networks, learned simulators.',
    terms: [
      'neural operator', 'fourier neural operator', 'fno', 'deeponet', 'physics-informed', 'pinn',
      'physics-informed neural network', 'operator learning', 'pde', 'partial differential equation',
      'parametric pde', 'surrogate model', 'learned simulator', 'neural pde solver', 'scientific machine learning',
      'function space',
    ],
  },
  {
    id: 'interatomic-potentials',
    label: 'Machine-learned interatomic potentials',
    description:
      'Machine-learning force fields and foundation models for atomistic simulation of molecules and materials.',
    terms: [
      'interatomic potential', 'machine-learned interatomic potential', 'mlip', 'force field',
      'machine learning force field', 'atomistic simulation', 'atomistic', 'molecular dynamics',
      'potential energy surface', 'density functional theory', 'dft', 'ab initio', 'e(3)-equivariant',
      'equivariant interatomic',
      'materials discovery', 'all-atom', 'computational chemistry',
    ],
  },
  {
    id: 'numerical-methods',
    label: 'Numerical methods',
    description:
      'Discretising and solving equations on computers: finite elements, solvers, preconditioners, error analysis.',
    terms: [
      'finite element', 'finite element method', 'finite difference', 'finite volume', 'discretization',
      'numerical scheme', 'error estimate', 'convergence order', 'preconditioner', 'iterative solver', 'krylov',
      'multigrid', 'numerical linear algebra', 'sparse matrix', 'time integration', 'spectral method',
      'mesh refinement', 'domain decomposition', 'interpolation error',
    ],
  },

  // ── Quantitative biology and medicine ────────────────────────────────────────────────────────────────────────
  {
    id: 'protein-structure',
    label: 'Protein structure and design',
    description: 'Predicting, modelling and designing protein structures and their interactions.',
    terms: [
      'protein structure prediction', 'protein', 'alphafold', 'protein design', 'protein language model',
      'amino acid', 'protein folding', 'binding affinity', 'molecular docking', 'antibody', 'enzyme',
      'de novo design', 'protein-protein interaction',
    ],
  },
  {
    id: 'drug-discovery',
    label: 'Molecular generation and drug discovery',
    description:
      'Machine learning on molecules for drug discovery: property prediction, generation, screening and synthesis planning.',
    terms: [
      'drug discovery', 'molecule generation', 'molecular generation', 'molecular property prediction', 'smiles string',
      'drug-target', 'virtual screening', 'ligand', 'de novo drug design', 'admet', 'retrosynthesis',
      'chemical space', 'molecular graph', 'lead optimization',
    ],
  },
  {
    id: 'genomics',
    label: 'Genomics and single-cell analysis',
    description:
      'Analysing genomes, transcriptomes and single-cell measurements, and the regulatory networks behind them.',
    terms: [
      'single-cell', 'scrna-seq', 'rna-seq', 'gene expression', 'transcriptomics', 'genomics', 'genome',
      'dna sequence', 'gene regulatory network', 'cell type', 'spatial transcriptomics', 'multi-omics',
      'variant calling', 'gwas', 'genome-wide association', 'dna sequencing', 'rna sequencing', 'sequencing data',
    ],
  },
  {
    id: 'computational-neuroscience',
    label: 'Computational neuroscience',
    description:
      'Models and analyses of brains and neural recordings: coding, plasticity, imaging and brain-computer interfaces.',
    terms: [
      'neural activity', 'spike train', 'neural recording', 'brain', 'cortex', 'cortical', 'fmri', 'eeg',
      'neural population', 'hippocampus', 'synaptic plasticity', 'connectome', 'neural coding',
      'brain-computer interface', 'bci', 'electrophysiology',
    ],
  },
  {
    id: 'epidemic-modeling',
    label: 'Epidemic modelling',
    description: 'Modelling and forecasting the spread of infectious disease and the effect of interventions.',
    terms: [
      'epidemic', 'epidemiological', 'sir model', 'seir', 'covid-19', 'pandemic', 'contact tracing',
      'reproduction number', 'vaccination', 'disease spread', 'outbreak', 'infectious disease',
    ],
  },
  {
    id: 'medical-ai',
    label: 'Medical AI',
    description:
      'Machine learning for clinical data and medical imaging: diagnosis, screening, prognosis and health records.',
    terms: [
      'medical', 'clinical', 'patient', 'healthcare', 'diagnosis', 'disease screening', 'medical imaging',
      'medical image', 'medical image segmentation', 'radiology', 'electronic health record', 'ehr', 'mri',
      'ct scan', 'chest x-ray', 'histopathology', 'pathology', 'ecg', 'heart sound', 'tumor', 'cancer',
    ],
  },
  {
    id: 'biostatistics',
    label: 'Biostatistics and clinical trials',
    description:
      'Statistical methods for clinical and observational health studies: trials, survival, longitudinal and missing data.',
    terms: [
      'clinical trial', 'survival analysis', 'cox model', 'hazard ratio', 'longitudinal data', 'mixed-effects model',
      'missing data', 'multiple imputation', 'cohort study', 'biostatistics', 'randomized trial', 'observational study',
    ],
  },

  // ── Statistics ───────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'causal-inference',
    label: 'Causal inference',
    description:
      'Estimating causal effects and structure from data: treatment effects, instruments, confounding, causal discovery.',
    terms: [
      'causal inference', 'causal effect', 'treatment effect', 'average treatment effect', 'counterfactual',
      'instrumental variable', 'confounding', 'confounder', 'causal discovery', 'propensity score',
      'structural causal model', 'do-calculus', 'randomized controlled trial', 'causal graph',
    ],
  },
  {
    id: 'bayesian-inference',
    label: 'Bayesian inference and MCMC',
    description:
      'Computing posteriors: Markov chain Monte Carlo, variational inference, sequential Monte Carlo and their theory.',
    terms: [
      'bayesian inference', 'markov chain monte carlo', 'mcmc', 'posterior distribution', 'variational inference',
      'hamiltonian monte carlo', 'sequential monte carlo', 'gibbs sampling', 'prior distribution',
      'approximate bayesian computation', 'metropolis-hastings', 'importance sampling', 'particle filter',
      'posterior inference', 'bayesian learning',
    ],
  },
  {
    id: 'high-dimensional-statistics',
    label: 'High-dimensional statistics',
    description:
      'Estimation and testing when parameters are many: sparsity, regularisation, minimax rates and multiple testing.',
    terms: [
      'high-dimensional statistics', 'high-dimensional regression', 'sparse regression', 'lasso', 'minimax rate',
      'covariance estimation', 'sample complexity', 'variable selection', 'model selection', 'penalized regression',
      'false discovery rate', 'multiple testing', 'hypothesis testing', 'asymptotic normality',
      'nonparametric regression', 'kernel density estimation',
    ],
  },
  {
    id: 'uncertainty-quantification',
    label: 'Uncertainty quantification',
    description:
      'Quantifying how much to trust a prediction: calibration, conformal prediction, Bayesian and ensemble uncertainty.',
    terms: [
      'uncertainty quantification', 'conformal prediction', 'model calibration', 'calibration error',
      'miscalibration', 'well-calibrated', 'prediction interval',
      'epistemic uncertainty', 'aleatoric uncertainty', 'bayesian neural network', 'deep ensemble',
      'predictive uncertainty', 'coverage guarantee', 'confidence interval', 'uncertainty estimation',
    ],
  },

  // ── Theory of computing ──────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'approximation-algorithms',
    label: 'Approximation and online algorithms',
    description: 'Provably good algorithms for hard optimisation problems and for inputs that arrive online.',
    terms: [
      'approximation algorithm', 'approximation ratio', 'competitive ratio', 'online algorithm', 'np-hard',
      'polynomial-time', 'integrality gap', 'submodular', 'ptas', 'lp relaxation', 'combinatorial optimization',
      'approximation guarantee',
    ],
  },
  {
    id: 'complexity-theory',
    label: 'Computational complexity',
    description:
      'What can and cannot be computed efficiently: complexity classes, lower bounds, hardness and proof systems.',
    terms: [
      'complexity class', 'np-complete', 'circuit complexity', 'communication complexity', 'hardness of approximation',
      'pspace', 'query complexity', 'proof complexity', 'fine-grained complexity', 'pcp', 'conditional lower bound',
      'polynomial hierarchy',
    ],
  },
  {
    id: 'graph-algorithms',
    label: 'Graph algorithms',
    description: 'Algorithms on graphs: paths, flows, cuts, partitioning, matching and dynamic or streaming graphs.',
    terms: [
      'shortest path', 'graph algorithm', 'maximum flow', 'minimum cut', 'spanning tree', 'graph partitioning',
      'vertex cover', 'planar graph', 'dynamic graph', 'subgraph', 'graph coloring', 'densest subgraph',
      'streaming algorithm', 'sublinear',
    ],
  },
  {
    id: 'game-theory',
    label: 'Game theory and mechanism design',
    description: 'Strategic interaction and incentives: equilibria, auctions, mechanism design and social choice.',
    terms: [
      'game theory', 'game-theoretic', 'nash equilibrium', 'mechanism design', 'auction', 'incentive compatible',
      'social welfare', 'price of anarchy', 'regret minimization', 'bargaining', 'cooperative game', 'shapley value',
      'social choice', 'voting rule',
    ],
  },

  // ── Physics ──────────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'quantum-error-correction',
    label: 'Quantum error correction',
    description:
      'Protecting quantum information with error-correcting codes, decoders and fault-tolerant logical operations.',
    terms: [
      'quantum error correction', 'error correction', 'surface code', 'stabilizer code', 'logical qubit',
      'fault-tolerant', 'fault tolerance', 'magic state', 'magic state distillation', 'logical gate',
      'syndrome decoding', 'code distance', 'toric code', 'color code', 'qldpc', 'quantum ldpc', 'topological code',
      'lattice surgery', 'code switching', 'transversal gate', 'non-clifford', 'logical operation',
      'syndrome extraction', 'syndrome measurement',
    ],
  },
  {
    id: 'quantum-computing',
    label: 'Quantum algorithms and computing',
    description:
      'Algorithms for and experiments on quantum computers: variational methods, simulation, advantage, qubit hardware.',
    terms: [
      'quantum algorithm', 'quantum computer', 'quantum computing', 'qubit', 'quantum circuit', 'variational quantum',
      'vqe', 'qaoa', 'quantum advantage', 'quantum supremacy', 'nisq', 'quantum machine learning',
      'quantum annealing', 'quantum gate', 'trapped ion', 'superconducting qubit', 'quantum simulation',
    ],
  },
  {
    id: 'quantum-communication',
    label: 'Quantum communication and cryptography',
    description: 'Sending quantum states and keys: QKD, entanglement distribution, repeaters and quantum networks.',
    terms: [
      'quantum key distribution', 'qkd', 'quantum communication', 'quantum network', 'entanglement distribution',
      'quantum repeater', 'quantum teleportation', 'quantum internet', 'bell test', 'entanglement',
    ],
  },
  {
    id: 'topological-matter',
    label: 'Topological phases of matter',
    description:
      'Topological order and topological band structures: anyons, Majoranas, quantum Hall and symmetry-protected phases.',
    terms: [
      'topological order', 'topological phase', 'topological insulator', 'anyon', 'non-abelian', 'majorana',
      'chern number', 'edge state', 'quantum hall', 'fractional quantum hall', 'topological superconductor',
      'berry phase', 'symmetry-protected', 'quantum double', 'string-net', 'anyon condensation',
    ],
  },
  {
    id: 'superconductivity',
    label: 'Superconductivity',
    description: 'Superconducting materials and mechanisms: pairing, critical temperatures, Josephson physics.',
    terms: [
      'superconductivity', 'superconductor', 'superconducting', 'cuprate', 'critical temperature', 'bcs',
      'cooper pair', 'high-tc', 'josephson', 'meissner', 'unconventional superconductivity', 'pairing symmetry',
      'd-wave',
    ],
  },
  {
    id: 'materials-science',
    label: 'Materials and electronic structure',
    description:
      'Electronic, magnetic and structural properties of materials, computed from first principles or measured.',
    terms: [
      'electronic structure', 'band structure', 'first-principles', 'thin film', 'crystal structure', 'alloy',
      'two-dimensional materials', 'graphene', 'perovskite', 'magnetic material', 'phonon', 'dielectric',
      'materials science', 'heterostructure', 'semiconductor', 'density functional theory', 'dft',
    ],
  },
  {
    id: 'cold-atoms',
    label: 'Ultracold atoms and quantum gases',
    description:
      'Quantum gases and atoms cooled and trapped with light: condensates, optical lattices, Rydberg arrays.',
    terms: [
      'bose-einstein condensate', 'bec', 'ultracold', 'cold atoms', 'optical lattice', 'quantum gas', 'rydberg',
      'atom interferometry', 'optical tweezer', 'feshbach', 'degenerate fermi gas', 'trapped atoms',
    ],
  },
  {
    id: 'statistical-mechanics',
    label: 'Statistical mechanics and phase transitions',
    description:
      'Collective behaviour of many-body systems: phase transitions, criticality, disorder and non-equilibrium dynamics.',
    terms: [
      'phase transition', 'critical exponent', 'ising model', 'monte carlo simulation', 'renormalization group',
      'universality class', 'spin glass', 'partition function', 'nonequilibrium', 'critical phenomena', 'percolation',
      'entropy production', 'statistical mechanics',
    ],
  },
  {
    id: 'photonics',
    label: 'Photonics and optics',
    description:
      'Generating, guiding and shaping light: lasers, waveguides, metasurfaces, nonlinear and integrated photonics.',
    terms: [
      'photonic', 'photonics', 'laser', 'metasurface', 'waveguide', 'nonlinear optics', 'optical fiber',
      'silicon photonics', 'frequency comb', 'microresonator', 'plasmonic', 'nanophotonics', 'photonic crystal',
      'ultrafast', 'kerr',
    ],
  },
  {
    id: 'fluid-dynamics',
    label: 'Fluid dynamics and turbulence',
    description: 'Flows of liquids and gases: turbulence, boundary layers, convection and their simulation.',
    terms: [
      'turbulence', 'turbulent', 'navier-stokes', 'reynolds number', 'boundary layer', 'vortex', 'vortices',
      'fluid flow', 'computational fluid dynamics', 'cfd', 'channel flow', 'rayleigh-benard', 'multiphase flow',
      'large eddy simulation', 'direct numerical simulation', 'incompressible',
    ],
  },
  {
    id: 'plasma-fusion',
    label: 'Plasma physics and fusion',
    description: 'Plasmas in the laboratory and space, and magnetic or inertial confinement fusion.',
    terms: [
      'plasma', 'tokamak', 'nuclear fusion', 'fusion energy', 'fusion plasma', 'magnetic confinement',
      'inertial confinement', 'magnetohydrodynamic', 'mhd', 'stellarator', 'laser-plasma', 'gyrokinetic',
      'solar wind',
    ],
  },
  {
    id: 'collider-physics',
    label: 'Collider experiments and detectors',
    description:
      'High-energy physics experiments at colliders: detectors, triggers, data acquisition and event reconstruction.',
    terms: [
      'lhc', 'large hadron collider', 'collider', 'hl-lhc', 'cern', 'cms experiment', 'cms', 'atlas experiment',
      'atlas detector', 'trigger system', 'level-1 trigger', 'trigger decision', 'data acquisition', 'daq', 'hadron',
      'proton-proton collision', 'particle jet', 'jet tagging', 'calorimeter', 'particle physics',
      'high-energy physics', 'particle detector', 'event reconstruction', 'integrated luminosity',
    ],
  },
  {
    id: 'particle-phenomenology',
    label: 'Particle phenomenology and dark matter',
    description: 'The Standard Model and what may lie beyond it: Higgs, neutrinos, QCD, dark matter and new particles.',
    terms: [
      'standard model', 'beyond the standard model', 'higgs', 'higgs boson', 'neutrino', 'dark matter',
      'supersymmetry', 'quark', 'gluon', 'qcd', 'lepton', 'electroweak', 'axion', 'parton distribution',
      'flavor physics', 'effective field theory', 'lattice qcd',
    ],
  },
  {
    id: 'quantum-field-theory',
    label: 'Quantum field theory and strings',
    description:
      'Formal high-energy theory: gauge and conformal field theories, holography, string theory and quantum gravity.',
    terms: [
      'string theory', 'ads/cft', 'holography', 'holographic', 'conformal field theory', 'cft', 'gauge theory',
      'supersymmetric', 'supergravity', 'yang-mills', 'scattering amplitude', 'brane', 'entanglement entropy',
      'quantum gravity', 'gauge anomaly', 'stochastic quantization', 'canonical quantization',
      'geometric quantization', 'deformation quantization',
    ],
  },
  {
    id: 'gravitation-black-holes',
    label: 'General relativity and black holes',
    description: 'Gravity in general relativity and its extensions: black holes, spacetimes, quasinormal modes.',
    terms: [
      'black hole', 'general relativity', 'spacetime', 'event horizon', 'kerr', 'schwarzschild', 'hawking radiation',
      'modified gravity', 'wormhole', 'einstein equations', 'quasinormal mode', 'penrose',
    ],
  },
  {
    id: 'gravitational-waves',
    label: 'Gravitational waves',
    description: 'Detecting and interpreting gravitational waves from compact binaries and other sources.',
    terms: [
      'gravitational wave', 'gravitational-wave', 'ligo', 'virgo', 'binary black hole', 'neutron star merger',
      'compact binary', 'pulsar timing array', 'lisa', 'inspiral', 'ringdown', 'black hole merger',
    ],
  },
  {
    id: 'cosmology',
    label: 'Cosmology',
    description:
      'The universe at large: expansion history, CMB, large-scale structure, dark energy and early-universe physics.',
    terms: [
      'cosmology', 'cosmological', 'dark energy', 'cosmic microwave background', 'cmb', 'large-scale structure',
      'hubble constant', 'cosmic inflation', 'inflationary', 'baryon acoustic oscillation', 'bao', 'weak lensing',
      'strong lensing', 'gravitational lensing',
      'lambda cdm', 'lcdm', 'galaxy survey', 'matter power spectrum', 'redshift survey',
    ],
  },
  {
    id: 'galaxies-stars',
    label: 'Galaxies and stars',
    description: 'How galaxies and stars form and evolve: star formation, AGN, stellar populations and the Milky Way.',
    terms: [
      'galaxy', 'galaxies', 'star formation', 'stellar mass', 'interstellar medium', 'active galactic nucleus', 'agn',
      'quasar', 'milky way', 'globular cluster', 'galaxy cluster', 'dark matter halo', 'stellar population',
      'supernova', 'white dwarf', 'neutron star',
    ],
  },
  {
    id: 'exoplanets',
    label: 'Exoplanets and planet formation',
    description: 'Planets beyond the Solar System and how planetary systems form.',
    terms: [
      'exoplanet', 'planetary system', 'transiting', 'radial velocity', 'habitable zone', 'hot jupiter',
      'protoplanetary disk', 'planet formation', 'tess', 'atmospheric retrieval', 'super-earth',
    ],
  },

  {
    id: 'nuclear-physics',
    label: 'Nuclear structure and nuclear matter',
    description:
      'Nuclei and dense nuclear matter: nuclear forces and structure, the equation of state, heavy-ion collisions.',
    terms: [
      'nuclear matter', 'nuclear structure', 'nucleon', 'nuclei', 'neutron-rich', 'equation of state',
      'heavy-ion collision', 'quark-gluon plasma', 'nuclear shell model', 'nuclear force', 'isospin',
      'binding energy', 'nuclear physics',
    ],
  },
  {
    id: 'astronomical-instrumentation',
    label: 'Astronomical instruments and surveys',
    description: 'Telescopes, instruments and survey pipelines that produce astronomical data, and their calibration.',
    terms: [
      'telescope', 'photometry', 'photometric', 'spectrograph', 'sky survey', 'observatory', 'adaptive optics',
      'interferometer', 'radio telescope', 'survey pipeline', 'flux calibration', 'standard stars', 'infrared camera',
    ],
  },

  // ── Mathematics ──────────────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'pde-analysis',
    label: 'Analysis of PDEs',
    description:
      'Existence, uniqueness, regularity and long-time behaviour of solutions to partial differential equations.',
    terms: [
      'well-posedness', 'existence and uniqueness', 'weak solution', 'global existence', 'blow-up', 'regularity',
      'sobolev', 'elliptic equation', 'parabolic equation', 'hyperbolic equation', 'navier-stokes equations',
      'schrodinger equation', 'boundary value problem', 'a priori estimate', 'cauchy problem',
      'partial differential equation', 'pde',
    ],
  },
  {
    id: 'probability-theory',
    label: 'Probability and stochastic processes',
    description:
      'Random processes and their limits: random walks, martingales, SDEs, random matrices, large deviations.',
    terms: [
      'stochastic process', 'brownian motion', 'random walk', 'martingale', 'markov chain', 'large deviation',
      'stochastic differential equation', 'sde', 'random matrix', 'point process', 'poisson process',
      'branching process', 'mixing time', 'concentration inequality', 'levy process',
    ],
  },
  {
    id: 'combinatorics',
    label: 'Combinatorics and graph theory',
    description:
      'Counting and structure in discrete objects: extremal and probabilistic combinatorics, graph theory, enumeration.',
    terms: [
      'combinatorics', 'combinatorial', 'graph theory', 'extremal', 'ramsey', 'hypergraph', 'chromatic number',
      'pattern avoidance', 'enumeration', 'generating function', 'matroid', 'turan',
    ],
  },
  {
    id: 'number-theory',
    label: 'Number theory',
    description:
      'Integers, primes and arithmetic objects: modular forms, L-functions, elliptic curves, Diophantine problems.',
    terms: [
      'number theory', 'prime', 'diophantine', 'modular form', 'l-function', 'elliptic curve', 'riemann zeta',
      'zeta function', 'galois representation', 'number field', 'class number', 'p-adic', 'sieve',
    ],
  },
  {
    id: 'algebraic-geometry',
    label: 'Algebraic geometry',
    description: 'Varieties, schemes and their moduli, cohomology and enumerative geometry.',
    terms: [
      'algebraic variety', 'moduli space', 'sheaf', 'cohomology', 'calabi-yau', 'hodge', 'derived category',
      'algebraic curve', 'toric variety', 'intersection theory', 'mirror symmetry', 'birational',
    ],
  },
  {
    id: 'geometry-topology',
    label: 'Differential geometry and topology',
    description:
      'Manifolds, curvature and geometric flows, and the topology of spaces, knots and low-dimensional manifolds.',
    terms: [
      'riemannian manifold', 'differential geometry', 'curvature', 'ricci flow', 'geodesic', 'minimal surface',
      'symplectic', 'kahler', 'mean curvature', 'einstein metric', 'manifold', 'submanifold', 'knot', '3-manifold',
      'homotopy', 'homology',
    ],
  },
  {
    id: 'functional-analysis',
    label: 'Functional analysis and operator theory',
    description:
      'Infinite-dimensional spaces and operators on them: Banach and Hilbert spaces, operator algebras, spectral theory.',
    terms: [
      'banach space', 'hilbert space', 'operator algebra', 'c*-algebra', 'von neumann algebra', 'bounded operator',
      'spectral theory', 'functional analysis', 'compact operator', 'sobolev space',
    ],
  },
  {
    id: 'mathematical-physics',
    label: 'Mathematical physics and spectral theory',
    description:
      'Rigorous analysis of quantum and classical physical models: Schrödinger operators, scattering, mean-field limits.',
    terms: [
      'schrodinger operator', 'spectral theory', 'scattering theory', 'inverse scattering', 'quantum walk',
      'semiclassical', 'polaron', 'mean-field limit', 'gross-pitaevskii', 'many-body quantum', 'eigenfunction',
      'point interaction', 'self-adjoint',
    ],
  },
  {
    id: 'dynamical-systems',
    label: 'Dynamical systems and chaos',
    description: 'Long-term behaviour of evolving systems: bifurcations, chaos, attractors, ergodic theory.',
    terms: [
      'dynamical system', 'bifurcation', 'chaos', 'chaotic', 'attractor', 'lyapunov exponent', 'ergodic',
      'ergodicity', 'invariant measure', 'periodic orbit', 'hamiltonian system', 'koopman', 'limit cycle',
    ],
  },
  {
    id: 'optimal-transport',
    label: 'Optimal transport',
    description: 'Moving probability mass at least cost: Wasserstein distances, transport maps and their computation.',
    terms: [
      'optimal transport', 'wasserstein', 'wasserstein distance', 'sinkhorn', 'monge-kantorovich', 'kantorovich',
      'earth mover', 'transport map', 'gromov-wasserstein',
    ],
  },

  // ── Economics and finance ────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'econometrics',
    label: 'Econometrics and economics',
    description:
      'Empirical and theoretical economics: identification strategies, panel data, labour markets and macroeconomic policy.',
    terms: [
      'econometric', 'panel data', 'difference-in-differences', 'regression discontinuity', 'labor market',
      'monetary policy', 'inflation', 'gdp', 'economic growth', 'household', 'wage', 'fiscal policy',
      'macroeconomic',
    ],
  },
  {
    id: 'quantitative-finance',
    label: 'Quantitative finance',
    description: 'Pricing, risk and trading in financial markets, from portfolio choice to market microstructure.',
    terms: [
      'portfolio', 'asset pricing', 'option pricing', 'volatility', 'stock market', 'stock price', 'financial market',
      'value at risk', 'high-frequency trading', 'market microstructure', 'limit order book', 'hedging',
      'credit risk', 'black-scholes', 'algorithmic trading',
    ],
  },
] satisfies TopicDefinition[]);
