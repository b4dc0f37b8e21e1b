/**
 * The .dockerignore files lessons start from once lesson 4 has taught them (earlier lessons
 * get one too, so the findings stay about the lesson's own idea).
 */
export const PYTHON_DOCKERIGNORE = `# Version control, local environments, caches
.git
.venv
**/__pycache__
.pytest_cache
.ruff_cache
htmlcov
.coverage
# Secrets and editor settings
.env
.vscode
# Data and notebooks stay out of the image
notebooks
data
`;

export const NODE_DOCKERIGNORE = `.git
node_modules
npm-debug.log
coverage
.env
.vscode
docs
`;
