<#
.SYNOPSIS
  Collect what hnsviz reads best from one Windows Kubernetes node into ONE text file.

.DESCRIPTION
  READ-ONLY. This script only runs commands that read state: Get-HnsNetwork, Get-HnsEndpoint,
  Get-HnsPolicyList (and the HCN v2 Get-Hcn* cmdlets when their module is present),
  `hnsdiag list all -d`, `vfpctrl /list-vmswitch-port`, `vfpctrl /port <id> /list-layer` and
  `vfpctrl /port <id> /layer <layer> /list-rule`, `route print` and `ipconfig /all`.
  It changes nothing on the node: no policy, endpoint, network, route, adapter or service is
  created, modified, restarted or deleted. The only file it writes is the output file.

  Open https://<hnsviz>/ and drop the output file on the page. Everything stays in your
  browser: hnsviz parses the file locally and uploads nothing. The file holds the node's IP
  addresses, MAC addresses, GUIDs and pod/container names; use hnsviz's Scrub action before
  sharing what you see, and treat the file itself as internal data.

  Each section starts with a marker line and the command as a prompt line, for example:
      # ---- hnsviz section: hns-endpoints ----
      PS C:\> Get-HnsEndpoint | ConvertTo-Json -Depth 10
  hnsviz relies on the prompt lines to know what follows; do not edit them.

.PARAMETER OutFile
  Where to write (default: hnsviz-<computer>-<yyyyMMdd-HHmmss>.txt in the current folder).

.EXAMPLE
  # In an elevated PowerShell on the node (vfpctrl and hnsdiag need administrator rights):
  powershell -ExecutionPolicy Bypass -File .\collect-hnsviz.ps1

.EXAMPLE
  # EVERY Windows node at once, over PowerShell remoting from an admin machine (WinRM; the
  # remote session of an administrator is elevated). The node names can come from kubectl:
  $nodes = (kubectl get nodes -l kubernetes.io/os=windows -o jsonpath='{.items[*].metadata.name}') -split ' '
  Invoke-Command -ComputerName $nodes -FilePath .\collect-hnsviz.ps1 -ArgumentList 'C:\k\hnsviz.txt'
  foreach ($n in $nodes) { Copy-Item "\\$n\C$\k\hnsviz.txt" ".\hnsviz-$n.txt" }

.EXAMPLE
  # EVERY Windows node without remoting: from a HostProcess pod on each node (for example a
  # DaemonSet with hostProcess: true running as NT AUTHORITY\SYSTEM; it sees the node's C:\).
  # The script goes in over stdin and the file comes back over stdout, so no tar is needed:
  foreach ($p in (kubectl get pods -n <ns> -l <label> -o jsonpath='{.items[*].metadata.name}') -split ' ') {
    Get-Content .\collect-hnsviz.ps1 -Raw | kubectl exec -i -n <ns> $p -- powershell -Command "[IO.File]::WriteAllText('C:\k\collect-hnsviz.ps1', [Console]::In.ReadToEnd())"
    kubectl exec -n <ns> $p -- powershell -ExecutionPolicy Bypass -File C:\k\collect-hnsviz.ps1 -OutFile C:\k\hnsviz.txt
    kubectl exec -n <ns> $p -- cmd /c type C:\k\hnsviz.txt > ".\hnsviz-$p.txt"
  }
  # (PowerShell 5.1's '>' saves UTF-16; hnsviz reads UTF-8 and UTF-16 alike.)

.NOTES
  IMPORT THE FILES TOGETHER. A cross-node question (a pod on one node, a service backend on
  another) needs every node's file, read at once:
    - in the app: drop all the files (or the folder holding them, or a zip of it) on the hnsviz
      page in one go, or Import... > "choose files" and select them all;
    - on the command line: hnsviz trace --dump hnsviz-win-a.txt hnsviz-win-b.txt --from <pod> --to <ip:port>
      (also: hnsviz lint .\ , hnsviz diff before\ after\).
  The first line of each file names its node, so hnsviz keeps the nodes apart (whatever the
  file names) and stitches each node's remote endpoints to the pods they stand for. Collect all
  nodes at about the same time: files from different moments disagree as a stale cluster would.
#>
[CmdletBinding()]
param(
  [string] $OutFile = (Join-Path (Get-Location) ("hnsviz-{0}-{1}.txt" -f $env:COMPUTERNAME, (Get-Date -Format 'yyyyMMdd-HHmmss')))
)

Set-StrictMode -Version 2
$ErrorActionPreference = 'Continue'
$lines = New-Object System.Collections.Generic.List[string]

function Add-Line([string] $text) { $lines.Add($text) }

# One section: the marker, the command as a prompt line, its text output (or why it failed).
function Add-Section([string] $name, [string] $command, [scriptblock] $body) {
  Add-Line ''
  Add-Line "# ---- hnsviz section: $name ----"
  Add-Line "PS C:\> $command"
  try {
    $out = & $body 2>&1 | Out-String -Width 4096
    if ($out.Trim().Length -eq 0) { Add-Line "# hnsviz: (no output)" }
    else { foreach ($l in ($out -split "`r?`n")) { Add-Line $l.TrimEnd() } }
  } catch {
    Add-Line "# hnsviz: '$command' failed: $($_.Exception.Message)"
  }
}

function Test-Command([string] $name) { [bool](Get-Command $name -ErrorAction SilentlyContinue) }

# The HNS cmdlets come from the HostNetworkingService module (Windows Server 2019+) or from
# microsoft/SDN's hns.psm1 when that was imported. Importing a module reads nothing new.
if (-not (Test-Command 'Get-HnsNetwork')) {
  Import-Module HostNetworkingService -ErrorAction SilentlyContinue
}

Add-Line "# hnsviz collector 1 on $env:COMPUTERNAME at $((Get-Date).ToUniversalTime().ToString('u'))"
Add-Line "# Windows $([Environment]::OSVersion.Version); PowerShell $($PSVersionTable.PSVersion)"
Add-Line '# Read-only collection for hnsviz. Contains IPs, MACs, GUIDs and names of this node.'

# ---- HNS v1 as JSON (deep enough that nothing is cut to System.Object[]) ----
if (Test-Command 'Get-HnsNetwork') {
  Add-Section 'hns-networks' 'Get-HnsNetwork | ConvertTo-Json -Depth 10' { Get-HnsNetwork | ConvertTo-Json -Depth 10 }
  Add-Section 'hns-endpoints' 'Get-HnsEndpoint | ConvertTo-Json -Depth 10' { Get-HnsEndpoint | ConvertTo-Json -Depth 10 }
  Add-Section 'hns-policylists' 'Get-HnsPolicyList | ConvertTo-Json -Depth 10' { Get-HnsPolicyList | ConvertTo-Json -Depth 10 }
} else {
  Add-Line '# hnsviz: Get-HnsNetwork is not available (HostNetworkingService module missing)'
}

# ---- HCN v2, when its cmdlets exist ----
foreach ($kind in 'Network', 'Endpoint', 'LoadBalancer', 'Namespace') {
  $cmd = "Get-Hcn$kind"
  if (Test-Command $cmd) {
    Add-Section ("hcn-{0}s" -f $kind.ToLower()) "$cmd | ConvertTo-Json -Depth 10" ([scriptblock]::Create("$cmd | ConvertTo-Json -Depth 10"))
  }
}

# ---- hnsdiag ----
if (Test-Command 'hnsdiag.exe') {
  Add-Section 'hnsdiag' 'hnsdiag list all -d' { hnsdiag.exe list all -d }
} else {
  Add-Line '# hnsviz: hnsdiag.exe not found'
}

# ---- VFP: the ports, then every port's layers and, layer by layer, its rules ----
if (Test-Command 'vfpctrl.exe') {
  $portText = (vfpctrl.exe /list-vmswitch-port 2>&1 | Out-String -Width 4096)
  Add-Line ''
  Add-Line '# ---- hnsviz section: vfp-ports ----'
  Add-Line 'PS C:\> vfpctrl /list-vmswitch-port'
  foreach ($l in ($portText -split "`r?`n")) { Add-Line $l.TrimEnd() }

  $ports = [regex]::Matches($portText, '(?m)^\s*Port name\s*:\s*(\S+)') | ForEach-Object { $_.Groups[1].Value } | Select-Object -Unique
  foreach ($port in $ports) {
    $layerText = (vfpctrl.exe /port $port /list-layer 2>&1 | Out-String -Width 4096)
    Add-Line ''
    Add-Line "# ---- hnsviz section: vfp-port $port ----"
    Add-Line "PS C:\> vfpctrl /port $port /list-layer"
    foreach ($l in ($layerText -split "`r?`n")) { Add-Line $l.TrimEnd() }
    $layers = [regex]::Matches($layerText, '(?m)^\s*LAYER\s*:\s*(\S+)') | ForEach-Object { $_.Groups[1].Value } | Select-Object -Unique
    foreach ($layer in $layers) {
      Add-Section "vfp-rules $port $layer" "vfpctrl /port $port /layer $layer /list-rule" { vfpctrl.exe /port $port /layer $layer /list-rule }
    }
  }
} else {
  Add-Line '# hnsviz: vfpctrl.exe not found'
}

# ---- The host's routes and adapters ----
Add-Section 'route-print' 'route print' { route.exe print }
Add-Section 'ipconfig' 'ipconfig /all' { ipconfig.exe /all }

Add-Line ''
Add-Line '# ---- hnsviz section: end ----'

# UTF-8 without BOM (hnsviz also reads UTF-16 and BOMs, should the file be re-saved).
[System.IO.File]::WriteAllLines($OutFile, $lines, (New-Object System.Text.UTF8Encoding $false))
Write-Host "hnsviz: wrote $OutFile ($([math]::Round((Get-Item $OutFile).Length / 1KB)) KB)."
Write-Host 'hnsviz: drop this file on the hnsviz page; it is parsed in your browser and not uploaded.'
