<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html-summary.xsl: the top of the HTML report, before section 1.

  masthead: the dossier's title, manufacturer, model, release and editions
  (d:header, d:dut), the report date ($date) and the generator; the facts
  list (DUT, release, public statement, SO and TL parties, dossier file,
  as-of date); the four key figures from the results (r:summary, r:gate,
  r:plan, r:findings, r:open-questions).
  toc: the contents, one entry per section of the driver's $sections list
  (mode toc-item).

  Part of report-html.xsl, which includes it: it reads the driver's
  variables ($D, $R, $S, $model, $SO, $TL, $sections), the helpers of
  report-html-base.xsl and the keys and labels of common.xsl.
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

  <xsl:template name="masthead">
    <header class="masthead">
      <div>
        <div class="eyebrow">EN 303 645 clause 5.3 &#xB7; secure update &#xB7; evidence report</div>
        <h1>
          <xsl:choose>
            <xsl:when test="normalize-space($D/d:header/d:title) != ''">
              <xsl:value-of select="normalize-space($D/d:header/d:title)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="$model"/>
              <xsl:text>: clause 5.3 dossier, release </xsl:text>
              <xsl:value-of select="$D/d:header/d:release/@version"/>
            </xsl:otherwise>
          </xsl:choose>
        </h1>
        <p class="sub">
          <xsl:if test="normalize-space($D/d:dut/d:manufacturer) != ''">
            <xsl:value-of select="normalize-space($D/d:dut/d:manufacturer)"/>
            <xsl:text> &#xB7; </xsl:text>
          </xsl:if>
          <xsl:text>model </xsl:text>
          <xsl:value-of select="$model"/>
          <xsl:text> &#xB7; release </xsl:text>
          <xsl:value-of select="$D/d:header/d:release/@version"/>
          <xsl:text> &#xB7; </xsl:text>
          <xsl:call-template name="edition-en"/>
          <xsl:text> assessed following </xsl:text>
          <xsl:call-template name="edition-ts"/>
        </p>
      </div>
      <div class="stamp">
        <xsl:choose>
          <xsl:when test="$date != ''">
            <xsl:text>Report date</xsl:text>
            <strong>
              <xsl:value-of select="$date"/>
            </strong>
          </xsl:when>
          <xsl:otherwise>
            <strong>Undated report</strong>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="/rp:report/@generator"/>
      </div>
    </header>

    <dl class="facts">
      <div>
        <dt>Manufacturer</dt>
        <dd>
          <xsl:call-template name="or-missing">
            <xsl:with-param name="v" select="$D/d:dut/d:manufacturer"/>
          </xsl:call-template>
        </dd>
      </div>
      <div>
        <dt>Model designation</dt>
        <dd>
          <xsl:call-template name="or-missing">
            <xsl:with-param name="v" select="$D/d:dut/d:model-designation"/>
          </xsl:call-template>
        </dd>
      </div>
      <div>
        <dt>Hardware version</dt>
        <dd>
          <xsl:call-template name="or-missing">
            <xsl:with-param name="v" select="$D/d:dut/d:hardware-version"/>
          </xsl:call-template>
        </dd>
      </div>
      <div>
        <dt>Software version</dt>
        <dd>
          <xsl:call-template name="or-missing">
            <xsl:with-param name="v" select="$D/d:dut/d:software-version"/>
          </xsl:call-template>
        </dd>
      </div>
      <div>
        <dt>Release</dt>
        <dd>
          <xsl:value-of select="$D/d:header/d:release/@version"/>
          <xsl:if test="$D/d:header/d:release/@date">
            <xsl:text> of </xsl:text>
            <xsl:value-of select="$D/d:header/d:release/@date"/>
          </xsl:if>
          <xsl:if test="$D/d:header/d:release/@previous">
            <span class="muted">
              <xsl:text> (previous </xsl:text>
              <xsl:value-of select="$D/d:header/d:release/@previous"/>
              <xsl:text>)</xsl:text>
            </span>
          </xsl:if>
        </dd>
      </div>
      <div>
        <dt>Requirement layer</dt>
        <dd>
          <xsl:call-template name="edition-en"/>
          <xsl:text>, clause 5.3</xsl:text>
        </dd>
      </div>
      <div>
        <dt>Assessment layer</dt>
        <dd>
          <xsl:call-template name="edition-ts"/>
        </dd>
      </div>
      <div>
        <dt>Public statement</dt>
        <dd>
          <xsl:variable name="ps" select="$D/d:header/d:public-statement"/>
          <xsl:choose>
            <xsl:when test="not($ps)">none</xsl:when>
            <xsl:when test="$ps/@conformance = 'true'">conformance stated</xsl:when>
            <xsl:otherwise>no conformance claim</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$ps/@date">
            <xsl:text> (</xsl:text>
            <xsl:value-of select="$ps/@date"/>
            <xsl:text>)</xsl:text>
          </xsl:if>
        </dd>
      </div>
      <div>
        <dt>Supplier organization (SO)</dt>
        <dd>
          <xsl:call-template name="or-missing">
            <xsl:with-param name="v" select="$SO/d:name"/>
          </xsl:call-template>
        </dd>
      </div>
      <div>
        <dt>Test laboratory (TL)</dt>
        <dd>
          <xsl:call-template name="or-missing">
            <xsl:with-param name="v" select="$TL/d:name"/>
          </xsl:call-template>
        </dd>
      </div>
      <div>
        <dt>Dossier</dt>
        <dd>
          <span class="mono">
            <xsl:choose>
              <xsl:when test="/rp:report/@source">
                <xsl:value-of select="/rp:report/@source"/>
              </xsl:when>
              <xsl:otherwise>(standard input)</xsl:otherwise>
            </xsl:choose>
          </span>
          <span class="muted">
            <xsl:text> &#xB7; schema </xsl:text>
            <xsl:value-of select="$D/@schema-version"/>
          </span>
        </dd>
      </div>
      <div>
        <dt>Checked as of</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$date != ''">
              <xsl:value-of select="$S/@as-of"/>
            </xsl:when>
            <xsl:otherwise>
              <span class="muted">the day it was generated (undated)</span>
            </xsl:otherwise>
          </xsl:choose>
        </dd>
      </div>
    </dl>

    <!-- key figures -->
    <xsl:variable name="overall-class">
      <xsl:call-template name="outcome-class">
        <xsl:with-param name="outcome" select="$S/@overall"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="nsteps" select="count($R/r:gate/r:step)"/>
    <xsl:variable name="ncomplete" select="count($R/r:gate/r:step[@status = 'complete'])"/>
    <xsl:variable name="ncases" select="count($R/r:plan/r:case)"/>
    <xsl:variable name="nverdicts" select="count($R/r:plan/r:case[key('verdict', @id)])"/>
    <xsl:variable name="nready" select="count($R/r:plan/r:case[@ready = 'true'])"/>
    <div class="kpis">
      <div class="kpi k-{$overall-class}">
        <div class="kh">Clause 5.3 outcome</div>
        <div class="big">
          <xsl:call-template name="outcome-mark">
            <xsl:with-param name="outcome" select="$S/@overall"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:value-of select="$S/@overall"/>
        </div>
        <div class="note">
          <xsl:text>aggregated over </xsl:text>
          <xsl:call-template name="plural">
            <xsl:with-param name="n" select="count($R/r:outcomes/r:provision)"/>
            <xsl:with-param name="one">provision</xsl:with-param>
          </xsl:call-template>
          <xsl:text> of </xsl:text>
          <xsl:call-template name="edition-en"/>
        </div>
      </div>
      <div>
        <xsl:attribute name="class">
          <xsl:text>kpi </xsl:text>
          <xsl:choose>
            <xsl:when test="$S/@ready = 'true'">k-pass</xsl:when>
            <xsl:otherwise>k-fail</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <div class="kh">Release gate</div>
        <div class="big">
          <xsl:choose>
            <xsl:when test="$S/@ready = 'true'">&#x2713; READY</xsl:when>
            <xsl:otherwise>&#x2717; NOT READY</xsl:otherwise>
          </xsl:choose>
        </div>
        <div class="note">
          <xsl:value-of select="$ncomplete"/>
          <xsl:text> of </xsl:text>
          <xsl:value-of select="$nsteps"/>
          <xsl:text> steps complete; the gate asks whether the dossier is complete, not whether the product conforms</xsl:text>
        </div>
      </div>
      <div>
        <xsl:attribute name="class">
          <xsl:text>kpi </xsl:text>
          <xsl:choose>
            <xsl:when test="$S/@errors &gt; 0">k-fail</xsl:when>
            <xsl:when test="$S/@warnings &gt; 0">k-inc</xsl:when>
            <xsl:otherwise>k-pass</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <div class="kh">Check findings</div>
        <div class="counts">
          <span class="c-err"><b><xsl:value-of select="$S/@errors"/></b> errors</span>
          <span class="c-warn"><b><xsl:value-of select="$S/@warnings"/></b> warnings</span>
          <span class="c-info"><b><xsl:value-of select="$S/@infos"/></b> info</span>
        </div>
        <div class="note">
          <xsl:value-of select="$S/@waived"/>
          <xsl:text> waived</xsl:text>
          <xsl:variable name="ncontra" select="count($R/r:findings/r:finding[@claim and @waived != 'true'])"/>
          <xsl:if test="$ncontra &gt; 0">
            <xsl:text>; </xsl:text>
            <a href="#s-ics">
              <xsl:call-template name="plural">
                <xsl:with-param name="n" select="$ncontra"/>
                <xsl:with-param name="one">claim</xsl:with-param>
              </xsl:call-template>
              <xsl:text> contradicted by recorded facts</xsl:text>
            </a>
          </xsl:if>
          <xsl:if test="$R/r:open-questions/r:question">
            <xsl:text>; </xsl:text>
            <a href="#s-questions">
              <xsl:call-template name="plural">
                <xsl:with-param name="n" select="count($R/r:open-questions/r:question)"/>
                <xsl:with-param name="one">open question</xsl:with-param>
              </xsl:call-template>
            </a>
          </xsl:if>
          <xsl:text>; see section 10</xsl:text>
        </div>
      </div>
      <div>
        <xsl:attribute name="class">
          <xsl:text>kpi </xsl:text>
          <xsl:choose>
            <xsl:when test="$ncases &gt; 0 and $nverdicts = $ncases">k-pass</xsl:when>
            <xsl:otherwise>k-nas</xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <div class="kh">Assessment progress</div>
        <div class="big">
          <xsl:value-of select="$nverdicts"/>
          <xsl:text> / </xsl:text>
          <xsl:value-of select="$ncases"/>
        </div>
        <div class="note">
          <xsl:text>planned test cases with a verdict; </xsl:text>
          <xsl:value-of select="$nready"/>
          <xsl:text> of </xsl:text>
          <xsl:value-of select="$ncases"/>
          <xsl:text> have all their IXIT inputs</xsl:text>
          <xsl:if test="$R/r:plan/r:case[@at-risk = 'true']">
            <xsl:text>; </xsl:text>
            <xsl:value-of select="count($R/r:plan/r:case[@at-risk = 'true'])"/>
            <xsl:text> at risk of INCONCLUSIVE</xsl:text>
          </xsl:if>
        </div>
      </div>
    </div>
  </xsl:template>

  <!-- The contents: one entry per section of the driver's list ($sections). -->
  <xsl:template name="toc">
    <nav class="toc" aria-label="Contents">
      <h2>Contents</h2>
      <ol>
        <xsl:apply-templates select="$sections" mode="toc-item"/>
      </ol>
    </nav>
  </xsl:template>

  <xsl:template match="section" mode="toc-item">
    <li>
      <span class="n">
        <xsl:value-of select="@n"/>
      </span>
      <a href="#{@id}">
        <xsl:value-of select="."/>
      </a>
      <span class="layer layer-{@layer}">
        <xsl:call-template name="layer-short-toc">
          <xsl:with-param name="layer" select="@layer"/>
        </xsl:call-template>
      </span>
    </li>
  </xsl:template>

  <xsl:template name="layer-short-toc">
    <xsl:param name="layer"/>
    <xsl:choose>
      <xsl:when test="$layer = 'requirement'">EN 303 645 &#xB7; requirement</xsl:when>
      <xsl:when test="$layer = 'assessment'">TS 103 701 &#xB7; assessment</xsl:when>
      <xsl:when test="$layer = 'both'">requirement &#xD7; assessment</xsl:when>
      <xsl:when test="$layer = 'evidence'">evidence &#x2192; requirement</xsl:when>
      <xsl:when test="$layer = 'facts'">product facts</xsl:when>
      <xsl:when test="$layer = 'process'">process</xsl:when>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
