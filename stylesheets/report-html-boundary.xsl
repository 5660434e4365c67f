<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html-boundary.xsl: section 4 of the HTML report, the update boundary
  (product facts).

  Figure 3 (SVG, named template boundary-svg): the software components
  (d:update-boundary/d:component), the update mechanisms
  (d:update-boundary/d:mechanism) and the associated services
  (d:dut/d:services/d:service), one box each (mode boundary-svg-box), and
  the edges between them (mode boundary-svg-edges: d:covered-by,
  d:uses-service).  Then the components table (mode
  boundary-component-row) and the mechanisms table (mode
  boundary-mechanism-row).  The key "pos" and the $mech-pos and $svc-pos
  documents give each mechanism and service its place in the diagram.

  Part of report-html.xsl, which includes it: it reads the driver's
  variables ($D the dossier, $R the results, $S their summary, $REQ the
  EN 303 645 catalog, ...), the helpers of report-html-base.xsl (sec-head,
  edition-en, edition-ts, ...) and the keys, labels and badges of
  common.xsl.  Its entry is the named template sec-boundary; to change the
  section, redefine that template or one of its template rules in a
  stylesheet that imports report-html.xsl (docs/reports.md).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:rp="urn:libetsi:report:1"
    xmlns:d="urn:libetsi:dossier:1"
    xmlns:r="urn:libetsi:results:1"
    xmlns:c="urn:libetsi:catalog:1"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="rp d r c exsl str">

  <!-- positions of mechanisms and services in the boundary diagram,
       looked up by key in these small documents (linear, not a scan per edge) -->
  <xsl:key name="pos" match="pos" use="@id"/>

  <xsl:variable name="mech-pos-rtf">
    <xsl:for-each select="$D/d:update-boundary/d:mechanism">
      <pos id="{@id}" i="{position()}"/>
    </xsl:for-each>
  </xsl:variable>

  <xsl:variable name="mech-pos" select="exsl:node-set($mech-pos-rtf)"/>

  <xsl:variable name="svc-pos-rtf">
    <xsl:for-each select="$D/d:dut/d:services/d:service">
      <pos id="{@id}" i="{position()}"/>
    </xsl:for-each>
  </xsl:variable>

  <xsl:variable name="svc-pos" select="exsl:node-set($svc-pos-rtf)"/>

  <xsl:template name="sec-boundary">
    <xsl:variable name="ub" select="$D/d:update-boundary"/>
    <section class="sec" id="s-boundary">
      <xsl:call-template name="sec-head">
        <xsl:with-param name="n">4</xsl:with-param>
        <xsl:with-param name="title">Update boundary</xsl:with-param>
        <xsl:with-param name="layer">facts</xsl:with-param>
      </xsl:call-template>
      <p class="lede">Every software component of the release and the update mechanisms that cover it, or the reason it is not updated. The ICS explains provisions in terms of these mechanisms (requirement layer); the 6-SoftComp and 7-UpdMech IXIT rows describe them for the laboratory (assessment layer).</p>
      <figure>
        <xsl:call-template name="boundary-svg"/>
        <ul class="legend">
          <li><span class="flag on">network</span> filled: the property holds</li>
          <li><span class="flag">no network</span> outlined: it does not</li>
          <li>dashed component: not updateable (reason shown); dashed mechanism: not implemented</li>
          <li>dashed line: a mechanism uses an associated service</li>
        </ul>
        <figcaption>
          <xsl:text>Figure 3. Update boundary: </xsl:text>
          <xsl:call-template name="plural">
            <xsl:with-param name="n" select="count($ub/d:component)"/>
            <xsl:with-param name="one">component</xsl:with-param>
          </xsl:call-template>
          <xsl:text>, </xsl:text>
          <xsl:call-template name="plural">
            <xsl:with-param name="n" select="count($ub/d:mechanism)"/>
            <xsl:with-param name="one">update mechanism</xsl:with-param>
          </xsl:call-template>
          <xsl:text>, </xsl:text>
          <xsl:call-template name="plural">
            <xsl:with-param name="n" select="count($D/d:dut/d:services/d:service)"/>
            <xsl:with-param name="one">associated service</xsl:with-param>
          </xsl:call-template>
          <xsl:text>.</xsl:text>
        </figcaption>
      </figure>

      <h3>Software components</h3>
      <xsl:choose>
        <xsl:when test="$ub/d:component">
          <table class="t fixed">
            <thead>
              <tr>
                <th class="w12">Component</th>
                <th class="w18">Name, supplier</th>
                <th class="w12">Kind, version</th>
                <th class="w9">Updateable</th>
                <th>Covered by / reason</th>
                <th class="w20">Identifiers</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$ub/d:component" mode="boundary-component-row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">No software components are listed.</p>
        </xsl:otherwise>
      </xsl:choose>

      <h3>Update mechanisms</h3>
      <xsl:choose>
        <xsl:when test="$ub/d:mechanism">
          <table class="t fixed">
            <thead>
              <tr>
                <th class="w10">Mechanism</th>
                <th>Name, interface, services</th>
                <th class="w12">Path</th>
                <th class="w12">Properties</th>
                <th class="w34">Trust relationship</th>
              </tr>
            </thead>
            <tbody>
              <xsl:apply-templates select="$ub/d:mechanism" mode="boundary-mechanism-row"/>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise>
          <p class="empty">No update mechanism: none of the components is updated after production.</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- One row per software component. -->
  <xsl:template match="d:component" mode="boundary-component-row">
    <tr id="c-{@id}">
      <td class="id mono">
        <xsl:value-of select="@id"/>
      </td>
      <td>
        <xsl:value-of select="d:name"/>
        <xsl:if test="d:supplier">
          <span class="sub-id">
            <xsl:value-of select="d:supplier"/>
          </span>
        </xsl:if>
      </td>
      <td class="small">
        <xsl:value-of select="translate(@kind, '-', ' ')"/>
        <xsl:if test="d:version">
          <span class="sub-id">
            <xsl:value-of select="d:version"/>
          </span>
        </xsl:if>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="@updateable = 'true'">
            <span class="b b-yes">yes</span>
          </xsl:when>
          <xsl:when test="@updateable = 'false'">
            <span class="b b-neutral">no</span>
          </xsl:when>
          <xsl:otherwise>
            <span class="b rv-open">undecided</span>
          </xsl:otherwise>
        </xsl:choose>
      </td>
      <td class="small">
        <xsl:for-each select="d:covered-by">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <a href="#m-{@mechanism}">
            <xsl:value-of select="key('mechanism', @mechanism)/d:name"/>
          </a>
        </xsl:for-each>
        <xsl:for-each select="d:no-update">
          <strong>
            <xsl:call-template name="no-update-label">
              <xsl:with-param name="reason" select="@reason"/>
            </xsl:call-template>
          </strong>
          <xsl:text>: </xsl:text>
          <xsl:value-of select="normalize-space(.)"/>
        </xsl:for-each>
        <xsl:if test="not(d:covered-by) and not(d:no-update)">
          <span class="missing">no mechanism and no reason</span>
        </xsl:if>
      </td>
      <td class="small">
        <xsl:for-each select="d:purl | d:cpe">
          <div class="mono">
            <xsl:value-of select="."/>
          </div>
        </xsl:for-each>
        <xsl:for-each select="d:hash">
          <div class="hash">
            <xsl:value-of select="@alg"/>
            <xsl:text> </xsl:text>
            <xsl:value-of select="."/>
          </div>
        </xsl:for-each>
      </td>
    </tr>
  </xsl:template>

  <!-- One row per update mechanism. -->
  <xsl:template match="d:mechanism" mode="boundary-mechanism-row">
    <tr id="m-{@id}">
      <td class="id mono">
        <xsl:value-of select="@id"/>
      </td>
      <td>
        <xsl:value-of select="d:name"/>
        <xsl:if test="d:interface">
          <span class="sub-id">
            <xsl:value-of select="d:interface"/>
          </span>
        </xsl:if>
        <xsl:if test="d:uses-service">
          <div class="small" style="margin-top:4px">
            <xsl:text>Uses: </xsl:text>
            <xsl:for-each select="d:uses-service">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:value-of select="key('service', @ref)/d:name"/>
            </xsl:for-each>
          </div>
        </xsl:if>
        <xsl:if test="d:description">
          <div class="small muted" style="margin-top:4px">
            <xsl:value-of select="d:description"/>
          </div>
        </xsl:if>
      </td>
      <td>
        <xsl:call-template name="path-label">
          <xsl:with-param name="path" select="@path"/>
        </xsl:call-template>
      </td>
      <td>
        <xsl:call-template name="mech-flags"/>
      </td>
      <td class="small">
        <xsl:choose>
          <xsl:when test="d:trust-relationship">
            <strong>
              <xsl:call-template name="trust-label">
                <xsl:with-param name="kind" select="d:trust-relationship/@kind"/>
              </xsl:call-template>
            </strong>
            <xsl:if test="normalize-space(d:trust-relationship) != ''">
              <xsl:text>: </xsl:text>
              <xsl:value-of select="normalize-space(d:trust-relationship)"/>
            </xsl:if>
          </xsl:when>
          <xsl:otherwise>
            <span class="missing">not stated</span>
          </xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>

  <xsl:template name="mech-flags">
    <span class="flag{substring(' on', 1, 3 * (@network = 'true'))}">
      <xsl:choose>
        <xsl:when test="@network = 'true'">network</xsl:when>
        <xsl:otherwise>no network</xsl:otherwise>
      </xsl:choose>
    </span>
    <span class="flag{substring(' on', 1, 3 * (@automatic = 'true'))}">
      <xsl:choose>
        <xsl:when test="@automatic = 'true'">automatic</xsl:when>
        <xsl:otherwise>user-started</xsl:otherwise>
      </xsl:choose>
    </span>
    <span class="flag{substring(' on', 1, 3 * (@notification = 'true'))}">
      <xsl:choose>
        <xsl:when test="@notification = 'true'">notifies user</xsl:when>
        <xsl:otherwise>no notification</xsl:otherwise>
      </xsl:choose>
    </span>
    <xsl:if test="@implemented = 'false'">
      <span class="flag">not implemented</span>
    </xsl:if>
  </xsl:template>

  <!-- The boundary diagram: components -> mechanisms -> services. -->
  <xsl:template name="boundary-svg">
    <xsl:variable name="comps" select="$D/d:update-boundary/d:component"/>
    <xsl:variable name="mechs" select="$D/d:update-boundary/d:mechanism"/>
    <xsl:variable name="svcs" select="$D/d:dut/d:services/d:service"/>
    <xsl:variable name="top" select="34"/>
    <xsl:variable name="ch" select="62"/>
    <xsl:variable name="mh" select="68"/>
    <xsl:variable name="sh" select="46"/>
    <xsl:variable name="gap" select="12"/>
    <xsl:variable name="hc" select="count($comps) * ($ch + $gap)"/>
    <xsl:variable name="hm">
      <xsl:choose>
        <xsl:when test="$mechs">
          <xsl:value-of select="count($mechs) * ($mh + $gap)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$mh + $gap"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="hs" select="count($svcs) * ($sh + $gap)"/>
    <xsl:variable name="hmax">
      <xsl:choose>
        <xsl:when test="$hc &gt;= $hm and $hc &gt;= $hs">
          <xsl:value-of select="$hc"/>
        </xsl:when>
        <xsl:when test="$hm &gt;= $hs">
          <xsl:value-of select="$hm"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$hs"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="h" select="$top + $hmax + 4"/>
    <svg id="update-boundary" viewBox="0 0 1080 {$h}" width="1080" height="{$h}" role="img" aria-labelledby="update-boundary-title">
      <title id="update-boundary-title">
        <xsl:text>Update boundary: </xsl:text>
        <xsl:value-of select="count($comps)"/>
        <xsl:text> software components, </xsl:text>
        <xsl:value-of select="count($mechs)"/>
        <xsl:text> update mechanisms and the services they use</xsl:text>
      </title>
      <text x="0" y="16" class="col-title">Software components</text>
      <text x="400" y="16" class="col-title">Update mechanisms</text>
      <text x="830" y="16" class="col-title">Associated services</text>

      <!-- edges first, under the boxes -->
      <xsl:apply-templates select="$comps" mode="boundary-svg-edges">
        <xsl:with-param name="top" select="$top"/>
        <xsl:with-param name="ch" select="$ch"/>
        <xsl:with-param name="gap" select="$gap"/>
        <xsl:with-param name="mh" select="$mh"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="$mechs" mode="boundary-svg-edges">
        <xsl:with-param name="top" select="$top"/>
        <xsl:with-param name="mh" select="$mh"/>
        <xsl:with-param name="gap" select="$gap"/>
        <xsl:with-param name="sh" select="$sh"/>
      </xsl:apply-templates>

      <!-- components -->
      <xsl:apply-templates select="$comps" mode="boundary-svg-box">
        <xsl:with-param name="top" select="$top"/>
        <xsl:with-param name="ch" select="$ch"/>
        <xsl:with-param name="gap" select="$gap"/>
      </xsl:apply-templates>

      <!-- mechanisms -->
      <xsl:if test="not($mechs)">
        <g class="box box-mech-off">
          <rect class="frame" x="400" y="{$top}" width="350" height="{$mh}" rx="4"/>
          <text x="412" y="{$top + 28}" class="note">No update mechanism is implemented.</text>
          <text x="412" y="{$top + 46}" class="note">No component is updated after production.</text>
        </g>
      </xsl:if>
      <xsl:apply-templates select="$mechs" mode="boundary-svg-box">
        <xsl:with-param name="top" select="$top"/>
        <xsl:with-param name="mh" select="$mh"/>
        <xsl:with-param name="gap" select="$gap"/>
      </xsl:apply-templates>

      <!-- services -->
      <xsl:apply-templates select="$svcs" mode="boundary-svg-box">
        <xsl:with-param name="top" select="$top"/>
        <xsl:with-param name="sh" select="$sh"/>
        <xsl:with-param name="gap" select="$gap"/>
      </xsl:apply-templates>
    </svg>
  </xsl:template>

  <!-- The edges from a component to the mechanisms that cover it. -->
  <xsl:template match="d:component" mode="boundary-svg-edges">
    <xsl:param name="top"/>
    <xsl:param name="ch"/>
    <xsl:param name="gap"/>
    <xsl:param name="mh"/>
    <xsl:variable name="yc" select="$top + (position() - 1) * ($ch + $gap) + $ch div 2"/>
    <xsl:for-each select="d:covered-by">
      <xsl:variable name="ref" select="@mechanism"/>
      <xsl:variable name="i">
        <xsl:for-each select="$mech-pos">
          <xsl:value-of select="key('pos', $ref)/@i"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:if test="$i != ''">
        <xsl:variable name="ym" select="$top + ($i - 1) * ($mh + $gap) + $mh div 2"/>
        <path class="edge" d="M330,{$yc} C365,{$yc} 365,{$ym} 400,{$ym}"/>
        <circle cx="330" cy="{$yc}" r="3" class="arrow"/>
        <circle cx="400" cy="{$ym}" r="3" class="arrow"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- The edges from a mechanism to the services it uses. -->
  <xsl:template match="d:mechanism" mode="boundary-svg-edges">
    <xsl:param name="top"/>
    <xsl:param name="mh"/>
    <xsl:param name="gap"/>
    <xsl:param name="sh"/>
    <xsl:variable name="ym" select="$top + (position() - 1) * ($mh + $gap) + $mh div 2"/>
    <xsl:for-each select="d:uses-service">
      <xsl:variable name="ref" select="@ref"/>
      <xsl:variable name="i">
        <xsl:for-each select="$svc-pos">
          <xsl:value-of select="key('pos', $ref)/@i"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:if test="$i != ''">
        <xsl:variable name="ys" select="$top + ($i - 1) * ($sh + $gap) + $sh div 2"/>
        <path class="edge-svc" d="M750,{$ym} C790,{$ym} 790,{$ys} 830,{$ys}"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- A component box, framed by whether it is updateable. -->
  <xsl:template match="d:component" mode="boundary-svg-box">
    <xsl:param name="top"/>
    <xsl:param name="ch"/>
    <xsl:param name="gap"/>
    <xsl:variable name="y" select="$top + (position() - 1) * ($ch + $gap)"/>
    <xsl:variable name="cls">
      <xsl:choose>
        <xsl:when test="@updateable = 'true'">box box-comp</xsl:when>
        <xsl:when test="@updateable = 'false'">box box-fixed</xsl:when>
        <xsl:otherwise>box box-undecided</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <g class="{$cls}">
      <title>
        <xsl:value-of select="@id"/>
        <xsl:text>: </xsl:text>
        <xsl:value-of select="d:name"/>
      </title>
      <rect class="frame" x="0" y="{$y}" width="330" height="{$ch}" rx="4"/>
      <text x="12" y="{$y + 19}" class="name">
        <xsl:call-template name="truncate">
          <xsl:with-param name="text" select="d:name"/>
          <xsl:with-param name="max" select="44"/>
        </xsl:call-template>
      </text>
      <text x="12" y="{$y + 36}" class="meta">
        <xsl:call-template name="truncate">
          <xsl:with-param name="text" select="concat(translate(@kind, '-', ' '), substring(' &#xB7; ', 1, 3 * boolean(d:version)), d:version)"/>
          <xsl:with-param name="max" select="52"/>
        </xsl:call-template>
      </text>
      <text x="12" y="{$y + 52}" class="meta">
        <xsl:choose>
          <xsl:when test="@updateable = 'true'">
            <xsl:text>updateable &#x2014; </xsl:text>
            <xsl:call-template name="plural">
              <xsl:with-param name="n" select="count(d:covered-by)"/>
              <xsl:with-param name="one">mechanism</xsl:with-param>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="@updateable = 'false'">
            <xsl:text>not updateable &#x2014; </xsl:text>
            <xsl:choose>
              <xsl:when test="d:no-update">
                <xsl:call-template name="no-update-label">
                  <xsl:with-param name="reason" select="d:no-update/@reason"/>
                </xsl:call-template>
              </xsl:when>
              <xsl:otherwise>no reason given</xsl:otherwise>
            </xsl:choose>
          </xsl:when>
          <xsl:otherwise>updateability undecided</xsl:otherwise>
        </xsl:choose>
      </text>
    </g>
  </xsl:template>

  <!-- A mechanism box: name, path, trust relationship and property chips. -->
  <xsl:template match="d:mechanism" mode="boundary-svg-box">
    <xsl:param name="top"/>
    <xsl:param name="mh"/>
    <xsl:param name="gap"/>
    <xsl:variable name="y" select="$top + (position() - 1) * ($mh + $gap)"/>
    <xsl:variable name="path">
      <xsl:call-template name="path-label">
        <xsl:with-param name="path" select="@path"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="trust">
      <xsl:call-template name="trust-label">
        <xsl:with-param name="kind" select="d:trust-relationship/@kind"/>
      </xsl:call-template>
    </xsl:variable>
    <g>
      <xsl:attribute name="class">
        <xsl:choose>
          <xsl:when test="@implemented = 'false'">box box-mech-off</xsl:when>
          <xsl:otherwise>box box-mech</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <title>
        <xsl:value-of select="@id"/>
        <xsl:text>: </xsl:text>
        <xsl:value-of select="d:name"/>
        <xsl:if test="d:interface">
          <xsl:text> (</xsl:text>
          <xsl:value-of select="d:interface"/>
          <xsl:text>)</xsl:text>
        </xsl:if>
      </title>
      <rect class="frame" x="400" y="{$y}" width="350" height="{$mh}" rx="4"/>
      <text x="412" y="{$y + 19}" class="name">
        <xsl:call-template name="truncate">
          <xsl:with-param name="text" select="d:name"/>
          <xsl:with-param name="max" select="43"/>
        </xsl:call-template>
      </text>
      <text x="412" y="{$y + 35}" class="meta">
        <xsl:call-template name="truncate">
          <xsl:with-param name="text">
            <xsl:value-of select="$path"/>
            <xsl:text> &#xB7; </xsl:text>
            <xsl:value-of select="$trust"/>
            <xsl:if test="@implemented = 'false'"> &#xB7; not implemented</xsl:if>
          </xsl:with-param>
          <xsl:with-param name="max" select="56"/>
        </xsl:call-template>
      </text>
      <!-- property chips -->
      <xsl:variable name="l1">
        <xsl:choose>
          <xsl:when test="@network = 'true'">network</xsl:when>
          <xsl:otherwise>no network</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="l2">
        <xsl:choose>
          <xsl:when test="@automatic = 'true'">automatic</xsl:when>
          <xsl:otherwise>user-started</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="l3">
        <xsl:choose>
          <xsl:when test="@notification = 'true'">notifies user</xsl:when>
          <xsl:otherwise>no notification</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="w1" select="string-length($l1) * 6 + 14"/>
      <xsl:variable name="w2" select="string-length($l2) * 6 + 14"/>
      <xsl:variable name="w3" select="string-length($l3) * 6 + 14"/>
      <xsl:call-template name="chip">
        <xsl:with-param name="x" select="412"/>
        <xsl:with-param name="y" select="$y + 44"/>
        <xsl:with-param name="w" select="$w1"/>
        <xsl:with-param name="label" select="$l1"/>
        <xsl:with-param name="on" select="@network = 'true'"/>
      </xsl:call-template>
      <xsl:call-template name="chip">
        <xsl:with-param name="x" select="412 + $w1 + 5"/>
        <xsl:with-param name="y" select="$y + 44"/>
        <xsl:with-param name="w" select="$w2"/>
        <xsl:with-param name="label" select="$l2"/>
        <xsl:with-param name="on" select="@automatic = 'true'"/>
      </xsl:call-template>
      <xsl:call-template name="chip">
        <xsl:with-param name="x" select="412 + $w1 + $w2 + 10"/>
        <xsl:with-param name="y" select="$y + 44"/>
        <xsl:with-param name="w" select="$w3"/>
        <xsl:with-param name="label" select="$l3"/>
        <xsl:with-param name="on" select="@notification = 'true'"/>
      </xsl:call-template>
    </g>
  </xsl:template>

  <xsl:template name="chip">
    <xsl:param name="x"/>
    <xsl:param name="y"/>
    <xsl:param name="w"/>
    <xsl:param name="label"/>
    <xsl:param name="on"/>
    <g>
      <xsl:attribute name="class">
        <xsl:text>chip</xsl:text>
        <xsl:if test="$on"> on</xsl:if>
      </xsl:attribute>
      <rect x="{$x}" y="{$y}" width="{$w}" height="16" rx="3"/>
      <text x="{$x + $w div 2}" y="{$y + 11.5}" text-anchor="middle">
        <xsl:value-of select="$label"/>
      </text>
    </g>
  </xsl:template>

  <!-- A service box. -->
  <xsl:template match="d:service" mode="boundary-svg-box">
    <xsl:param name="top"/>
    <xsl:param name="sh"/>
    <xsl:param name="gap"/>
    <xsl:variable name="y" select="$top + (position() - 1) * ($sh + $gap)"/>
    <g class="box box-svc">
      <title>
        <xsl:value-of select="@id"/>
        <xsl:text>: </xsl:text>
        <xsl:value-of select="d:name"/>
      </title>
      <rect class="frame" x="830" y="{$y}" width="249" height="{$sh}" rx="4"/>
      <text x="842" y="{$y + 19}" class="name">
        <xsl:call-template name="truncate">
          <xsl:with-param name="text" select="d:name"/>
          <xsl:with-param name="max" select="29"/>
        </xsl:call-template>
      </text>
      <text x="842" y="{$y + 36}" class="meta">
        <xsl:value-of select="translate(@kind, '-', ' ')"/>
      </text>
    </g>
  </xsl:template>

</xsl:stylesheet>
